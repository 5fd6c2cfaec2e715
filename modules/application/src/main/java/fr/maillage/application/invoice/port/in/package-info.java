/** Use cases of invoicing. */
@NullMarked
package fr.maillage.application.invoice.port.in;

import org.jspecify.annotations.NullMarked;
