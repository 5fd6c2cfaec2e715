/** Online payments — use cases. */
@NullMarked
package fr.maillage.application.payment.port.in;

import org.jspecify.annotations.NullMarked;
