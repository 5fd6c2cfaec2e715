/** The invoices API: invoices and credit notes, their PDFs, the integrity check, a member's own invoices. */
@NullMarked
package fr.maillage.adapter.rest.invoice;

import org.jspecify.annotations.NullMarked;
