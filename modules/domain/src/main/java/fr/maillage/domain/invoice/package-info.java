/**
 * Invoices and credit notes: legal French documents issued by an operator, numbered in a continuous series per
 * operator and year ({@link fr.maillage.domain.invoice.InvoiceNumber}), never changed once issued, chained by hash
 * per operator ({@link fr.maillage.domain.invoice.InvoiceChain}).
 */
@NullMarked
package fr.maillage.domain.invoice;

import org.jspecify.annotations.NullMarked;
