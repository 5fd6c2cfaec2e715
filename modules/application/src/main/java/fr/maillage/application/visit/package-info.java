/** Check-ins, visits, the consumption of card entries, the usage ledger, settlements and attendance. */
@NullMarked
package fr.maillage.application.visit;

import org.jspecify.annotations.NullMarked;
