/** Check-ins, visits, the usage ledger and the memberships they consume — ports to the outside. */
@NullMarked
package fr.maillage.application.visit.port.out;

import org.jspecify.annotations.NullMarked;
