/** Places (tiers-lieux) and their bookable resources. */
@NullMarked
package fr.maillage.domain.place;

import org.jspecify.annotations.NullMarked;
