/** Invoices and credit notes by plain JDBC: numbers and chain heads allocated by locking upserts. */
@NullMarked
package fr.maillage.adapter.persistence.invoice;

import org.jspecify.annotations.NullMarked;
