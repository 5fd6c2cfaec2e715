/** The offers API: what operators sell. */
@NullMarked
package fr.maillage.adapter.rest.offer;

import org.jspecify.annotations.NullMarked;
