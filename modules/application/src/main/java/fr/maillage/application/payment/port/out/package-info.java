/** Online payments — the payment provider and the stored state. */
@NullMarked
package fr.maillage.application.payment.port.out;

import org.jspecify.annotations.NullMarked;
