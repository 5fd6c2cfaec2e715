/** Building blocks shared by every part of the domain: errors and identifiers. */
@NullMarked
package fr.maillage.domain.shared;

import org.jspecify.annotations.NullMarked;
