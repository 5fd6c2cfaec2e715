package fr.maillage.domain.invoice;

import fr.maillage.domain.membership.PaymentMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment's share that settled an invoice: kept apart from the invoice, which never changes. */
public record Settlement(UUID id, UUID invoice, InvoiceNumber invoiceNumber, String buyerName, UUID member,
        UUID payment, PaymentMethod method, @Nullable String reference, long amountCents, LocalDate receivedOn,
        Instant recordedAt) {

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
