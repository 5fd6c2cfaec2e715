/** Members of a network: a person's profile and consents in one network, linked to one identity. */
@NullMarked
package fr.maillage.domain.member;

import org.jspecify.annotations.NullMarked;
