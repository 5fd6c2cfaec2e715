/** Storage of the members of a network. */
@NullMarked
package fr.maillage.adapter.persistence.member;

import org.jspecify.annotations.NullMarked;
