/** Inbound port of the public directory. */
@NullMarked
package fr.maillage.application.directory.port.in;

import org.jspecify.annotations.NullMarked;
