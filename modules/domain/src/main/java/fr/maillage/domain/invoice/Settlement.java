package fr.maillage.domain.invoice;

import fr.maillage.domain.membership.PaymentMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money that moved for an invoice, kept apart from the invoice, which never changes: a payment's share that settled
 * it, or ({@code refund}) money given back to the member with a credit note ({@code invoice} is then the credit note,
 * {@code payment} the refund's id). {@code amountCents} is positive either way.
 */
public record Settlement(UUID id, UUID invoice, InvoiceNumber invoiceNumber, String buyerName, UUID member,
        UUID payment, PaymentMethod method, @Nullable String reference, long amountCents, LocalDate receivedOn,
        Instant recordedAt, boolean refund) {

    /** A payment's share that settled an invoice. */
    public Settlement(UUID id, UUID invoice, InvoiceNumber invoiceNumber, String buyerName, UUID member, UUID payment,
            PaymentMethod method, @Nullable String reference, long amountCents, LocalDate receivedOn,
            Instant recordedAt) {
        this(id, invoice, invoiceNumber, buyerName, member, payment, method, reference, amountCents, receivedOn,
                recordedAt, false);
    }

    public Settlement {
        Objects.requireNonNull(id);
        Objects.requireNonNull(invoice);
        Objects.requireNonNull(invoiceNumber);
        Objects.requireNonNull(method);
        Objects.requireNonNull(receivedOn);
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amount " + amountCents);
        }
    }
}
