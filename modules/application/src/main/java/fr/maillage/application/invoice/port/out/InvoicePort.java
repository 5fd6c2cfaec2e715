package fr.maillage.application.invoice.port.out;

import fr.maillage.application.invoice.port.in.InvoiceCriteria;
import fr.maillage.application.invoice.port.in.InvoicesQuery.InvoiceDetails;
import fr.maillage.application.shared.Page;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.Settlement;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.operator.OperatorId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Invoices and credit notes in the current network's transaction: inserted, never changed. */
public interface InvoicePort {

    /**
     * What the next document of an operator takes: its number in the year's series and its place in the chain, with
     * the previous document's hash. Locks the operator's chain head and series row until the transaction ends: the
     * caller must {@link #insert} the document in the same transaction (a rollback gives the number back).
     */
    record Allocation(long sequence, long position, String previousHash) {
    }

    Allocation allocate(OperatorId operator, int year);

    /** Stores an issued document and moves its operator's chain head to it. */
    void insert(Invoice invoice);

    Optional<Invoice> find(UUID id);

    /** The documents of a membership (its invoice and credit notes), in issue order. */
    List<Invoice> ofMembership(MembershipId membership);

    Page<InvoiceDetails> search(InvoiceCriteria criteria);

    /** How much of an invoice payments settled, and how much credit notes corrected. */
    InvoiceDetails details(Invoice invoice);

    /** Records that a payment settled {@code amountCents} of an invoice (once per payment and invoice). */
    void settle(UUID invoice, UUID payment, long amountCents, PaymentMethod method, LocalDate receivedOn,
            Instant recordedAt);

    /**
     * Records money given back to the member with the credit note {@code creditNote} (once per credit note), for the
     * accounting exports.
     */
    void recordRefund(UUID creditNote, PaymentMethod method, String reference, long amountCents, LocalDate refundedOn,
            Instant recordedAt);

    /** The operator's documents in chain order, one at a time (a chain may be long). */
    void forEachInChain(OperatorId operator, Consumer<Invoice> each);

    /** The operator's documents issued between two dates (inclusive), in chain order. */
    List<Invoice> issuedBetween(OperatorId operator, LocalDate from, LocalDate to);

    /**
     * The settlements of the operator's invoices received between two dates (inclusive), and the refunds given back
     * in that period, in date order.
     */
    List<Settlement> settledBetween(OperatorId operator, LocalDate from, LocalDate to);

    /** The time zone of the current network (issue dates and years are in it). */
    ZoneId timeZone();

    /** The name of the current network (for mails). */
    String networkName();
}
