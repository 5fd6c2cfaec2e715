/** The public directory of a network: its open places, their hours and prices, for anyone. */
@NullMarked
package fr.maillage.application.directory;

import org.jspecify.annotations.NullMarked;
