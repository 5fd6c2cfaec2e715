/** Wiring, configuration and start-up of the application. */
@NullMarked
package fr.maillage.bootstrap;

import org.jspecify.annotations.NullMarked;
