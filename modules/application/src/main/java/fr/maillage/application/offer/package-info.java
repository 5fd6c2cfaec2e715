/** Offers (formules) that operators sell. */
@NullMarked
package fr.maillage.application.offer;

import org.jspecify.annotations.NullMarked;
