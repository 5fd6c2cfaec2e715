package fr.maillage.domain.membership;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Money received for a membership. Never changed nor deleted once recorded (a refund will be a credit note and a
 * payment of its own). {@code reference} is the bank transfer's reference (required for a transfer), the cheque's
 * number (optional), or the provider's payment id for an online payment. {@code idempotencyKey}, unique in the
 * network, makes a payment confirmed twice count once: the client's key for an offline payment, the provider's
 * payment id ({@code stripe:pi_...}) for an online one.
 *
 * @param receivedOn the day the money was received, in the network's time zone
 * @param recordedBy the subject of the person (or {@code system:...} process) who recorded it
 */
public record Payment(UUID id, MembershipId membership, PaymentMethod method, Money amount,
        @Nullable String reference, LocalDate receivedOn, Instant recordedAt, String recordedBy,
        @Nullable String idempotencyKey) {

    /** Letters, digits and {@code . _ : -}, 1 to 100 characters: what clients and providers use as keys. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    public static final int REFERENCE_MAX = 100;

    public Payment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(membership);
        Objects.requireNonNull(method);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(recordedAt);
        Objects.requireNonNull(recordedBy);
        checkAmount(amount);
        reference = reference == null || reference.isBlank() ? null : reference(reference);
        if (reference == null && method == PaymentMethod.TRANSFER) {
            throw new InvalidValueException("payment.reference.required-for-transfer");
        }
        idempotencyKey = idempotencyKey == null ? null : idempotencyKey(idempotencyKey);
    }

    /** A payment is of a positive amount. */
    public static Money checkAmount(Money amount) {
        if (amount.cents() <= 0) {
            throw new InvalidValueException("payment.amount.positive");
        }
        return amount;
    }

    /** A reference as people type it: one line of at most 100 characters. */
    public static String reference(String raw) {
        return BoundedText.line(raw, 1, REFERENCE_MAX, "payment.reference.length");
    }

    /** An idempotency key: 1 to 100 of letters, digits and {@code . _ : -}. */
    public static String idempotencyKey(String raw) {
        if (!KEY.matcher(raw).matches()) {
            throw new InvalidValueException("payment.idempotency-key.format");
        }
        return raw;
    }

    /** Whether another request with the same idempotency key asks for this very payment (a retry). */
    public boolean sameRequest(MembershipId otherMembership, PaymentMethod otherMethod, Money otherAmount) {
        return membership.equals(otherMembership) && method == otherMethod && amount.equals(otherAmount);
    }
}
