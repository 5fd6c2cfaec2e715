/** Inbound port: reading a network's audit log. */
@NullMarked
package fr.maillage.application.audit.port.in;

import org.jspecify.annotations.NullMarked;
