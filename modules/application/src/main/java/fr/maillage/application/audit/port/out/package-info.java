/** Outbound port: storing and reading audit events. */
@NullMarked
package fr.maillage.application.audit.port.out;

import org.jspecify.annotations.NullMarked;
