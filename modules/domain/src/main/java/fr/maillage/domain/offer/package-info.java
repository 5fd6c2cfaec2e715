/** Offers (formules) that operators sell: subscriptions, cards of entries, day passes. */
@NullMarked
package fr.maillage.domain.offer;

import org.jspecify.annotations.NullMarked;
