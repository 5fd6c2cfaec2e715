package fr.maillage.application.membership.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.membership.Payment;
import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An offline payment as a manager records it: the method (CASH, CHEQUE or TRANSFER; online payments come from the
 * payment provider, never by hand), the amount in cents, the reference (required for a transfer, the cheque's number
 * for a cheque), the day the money was received (default today, in network time; not in the future, at most a year
 * back) and an optional idempotency key that makes a retried request record nothing twice.
 */
public record RecordPaymentCommand(PaymentMethod method, Money amount, @Nullable String reference,
        LocalDate receivedOn, @Nullable String idempotencyKey) {

    /** How far back a payment may have been received. */
    public static final Period RECEIVED_BACK = Period.ofYears(1);

    public record Raw(@Nullable String method, @Nullable Long amountCents, @Nullable String reference,
            @Nullable String receivedOn, @Nullable String idempotencyKey) {
    }

    /** Reads the payment, {@code today} being the date in the network's time zone. */
    public static RecordPaymentCommand parse(Raw raw, LocalDate today) {
        Fields fields = new Fields();
        PaymentMethod method = fields.required("method", raw.method(),
                m -> offlineMethod(m, "payment.method.not-offline"));
        Money amount = fields.required("amountCents", raw.amountCents(), c -> Payment.checkAmount(Money.euros(c)));
        String reference = raw.reference() == null || raw.reference().isBlank() ? null
                : fields.optional("reference", raw.reference(), Payment::reference);
        if (method == PaymentMethod.TRANSFER && (raw.reference() == null || raw.reference().isBlank())) {
            fields.reject("reference", "payment.reference.required-for-transfer");
        }
        LocalDate receivedOn = fields.optional("receivedOn", raw.receivedOn(), d -> {
            LocalDate date = SellMembershipCommand.date(d, "payment.received-on.format");
            if (date.isAfter(today)) {
                throw new InvalidValueException("payment.received-on.future");
            }
            if (date.isBefore(today.minus(RECEIVED_BACK))) {
                throw new InvalidValueException("payment.received-on.too-old");
            }
            return date;
        });
        String key = fields.optional("idempotencyKey", raw.idempotencyKey(), Payment::idempotencyKey);
        fields.throwIfInvalid();
        return new RecordPaymentCommand(method, amount, reference, receivedOn == null ? today : receivedOn, key);
    }

    /**
     * A method a manager may type in (CASH, CHEQUE, TRANSFER): {@code payment.method.unknown}, or
     * {@code onlineCode} for ONLINE.
     */
    static PaymentMethod offlineMethod(String raw, String onlineCode) {
        PaymentMethod method;
        try {
            method = PaymentMethod.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("payment.method.unknown", raw);
        }
        if (!method.isOffline()) {
            throw new InvalidValueException(onlineCode);
        }
        return method;
    }
}
