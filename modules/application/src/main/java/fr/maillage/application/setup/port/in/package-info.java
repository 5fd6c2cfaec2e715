/** Inbound ports of the network set-up. */
@NullMarked
package fr.maillage.application.setup.port.in;

import org.jspecify.annotations.NullMarked;
