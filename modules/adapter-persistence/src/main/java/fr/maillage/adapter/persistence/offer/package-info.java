/** Storage of offers and the places they apply to. */
@NullMarked
package fr.maillage.adapter.persistence.offer;

import org.jspecify.annotations.NullMarked;
