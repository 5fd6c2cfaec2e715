/** Offers (formules) that operators sell — use cases. */
@NullMarked
package fr.maillage.application.offer.port.in;

import org.jspecify.annotations.NullMarked;
