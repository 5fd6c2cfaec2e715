package fr.maillage.application.invoice.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.invoice.InvoiceChain;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.Settlement;
import java.time.LocalDate;
import java.util.List;
import fr.maillage.domain.network.NetworkSlug;
import org.jspecify.annotations.Nullable;

/**
 * Reading invoices and credit notes ({@code Permission.BILLING}: animators, managers for the operators they run), and
 * members their own ({@code Permission.SELF_SERVICE}). A document the caller may not see answers 404.
 */
public interface InvoicesQuery {

    /** Raw search parameters as received; checked all at once ({@code InvalidInputException}). */
    record Search(@Nullable String operator, @Nullable String member, @Nullable String kind, @Nullable String from,
            @Nullable String to, @Nullable String q, @Nullable Integer page, @Nullable Integer size) {
    }

    Page<InvoiceDetails> search(Caller caller, NetworkSlug network, Search search);

    InvoiceDetails invoice(Caller caller, NetworkSlug network, String id);

    /** The document as a Factur-X PDF. */
    Rendered pdf(Caller caller, NetworkSlug network, String id);

    /** Recomputes an operator's hash chain; names the first broken link. */
    InvoiceChain.Check verify(Caller caller, NetworkSlug network, String operator);

    Page<InvoiceDetails> myInvoices(Caller caller, NetworkSlug network, @Nullable Integer page, @Nullable Integer size);

    InvoiceDetails myInvoice(Caller caller, NetworkSlug network, String id);

    Rendered myPdf(Caller caller, NetworkSlug network, String id);

    /**
     * An operator's documents issued and settlements received in a period (inclusive, network dates): what the
     * accounting exports (CSV, FEC) are made of. {@code to} defaults to today, {@code from} to the first day of
     * {@code to}'s year; {@code to} not before {@code from}, at most 366 days.
     */
    Accounting accounting(Caller caller, NetworkSlug network, String operator, @Nullable String from,
            @Nullable String to);

    /** The material of the accounting exports of one operator. */
    record Accounting(String siren, String legalName, LocalDate from, LocalDate to, List<Invoice> documents,
            List<Settlement> settlements) {
    }

    /** A rendered file. */
    record Rendered(String filename, String mediaType, byte[] content) {
    }

    /**
     * A document with what happened after it was issued (kept outside it, since it never changes): what payments
     * settled and, for an invoice, what credit notes corrected.
     */
    record InvoiceDetails(Invoice invoice, long paidCents, long creditedCents) {

        /** What remains to be paid: the total less payments and credit notes (0 for a credit note). */
        public long dueCents() {
            return invoice.isCreditNote() ? 0 : Math.max(0, invoice.totalCents() - paidCents - creditedCents);
        }

        public boolean settled() {
            return dueCents() == 0;
        }
    }
}
