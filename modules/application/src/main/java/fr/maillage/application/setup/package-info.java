/** Network set-up: operators and places, managers scoped to operators. */
@NullMarked
package fr.maillage.application.setup;

import org.jspecify.annotations.NullMarked;
