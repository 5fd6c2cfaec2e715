/** Check-ins, visits, presence, attendance and settlements — use cases. */
@NullMarked
package fr.maillage.application.visit.port.in;

import org.jspecify.annotations.NullMarked;
