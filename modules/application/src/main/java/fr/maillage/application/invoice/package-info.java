/**
 * Invoicing: invoices and credit notes issued from membership events ({@link
 * fr.maillage.application.invoice.InvoicingService} is a {@code MembershipEventListener}), their settlement by
 * payments, reading, PDFs and the integrity check of each operator's hash chain.
 */
@NullMarked
package fr.maillage.application.invoice;

import org.jspecify.annotations.NullMarked;
