/** Outbound ports every use case may need (transactions). */
@NullMarked
package fr.maillage.application.shared.port.out;

import org.jspecify.annotations.NullMarked;
