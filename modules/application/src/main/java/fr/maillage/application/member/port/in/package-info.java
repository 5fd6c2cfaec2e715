/** Use cases of the members of a network: sign-up profile, managers' member files, a member's own profile. */
@NullMarked
package fr.maillage.application.member.port.in;

import org.jspecify.annotations.NullMarked;
