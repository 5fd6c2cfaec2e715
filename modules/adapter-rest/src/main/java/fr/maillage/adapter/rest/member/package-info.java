/** The members of a network: managers' member files and a member's own profile. */
@NullMarked
package fr.maillage.adapter.rest.member;

import org.jspecify.annotations.NullMarked;
