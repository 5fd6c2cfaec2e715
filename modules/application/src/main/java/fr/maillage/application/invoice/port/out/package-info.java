/** What invoicing needs from storage and document rendering. */
@NullMarked
package fr.maillage.application.invoice.port.out;

import org.jspecify.annotations.NullMarked;
