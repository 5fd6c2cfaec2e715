/** Network set-up API: operators, managers' operators, places and their opening hours. */
@NullMarked
package fr.maillage.adapter.rest.setup;

import org.jspecify.annotations.NullMarked;
