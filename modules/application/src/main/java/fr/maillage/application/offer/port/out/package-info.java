/** Offers (formules) that operators sell — ports to the outside. */
@NullMarked
package fr.maillage.application.offer.port.out;

import org.jspecify.annotations.NullMarked;
