/** Outbound ports of the network set-up: storing operators and places. */
@NullMarked
package fr.maillage.application.setup.port.out;

import org.jspecify.annotations.NullMarked;
