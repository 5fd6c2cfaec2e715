package fr.maillage.application.membership.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.membership.Payment;
import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Money a manager gave back to the member at the desk: how (CASH, CHEQUE or TRANSFER; what was paid online is
 * refunded in the payment provider's dashboard, which tells us), how much (cents, at most what is paid) and an
 * optional reference (the cheque's number, the transfer's label).
 */
public record RefundCommand(PaymentMethod method, Money amount, @Nullable String reference) {

    public record Raw(@Nullable String method, @Nullable Long amountCents, @Nullable String reference) {
    }

    public static RefundCommand parse(Raw raw) {
        Fields fields = new Fields();
        PaymentMethod method = fields.required("method", raw.method(),
                m -> RecordPaymentCommand.offlineMethod(m, "refund.method.not-offline"));
        Money amount = fields.required("amountCents", raw.amountCents(), c -> Payment.checkAmount(Money.euros(c)));
        String reference = raw.reference() == null || raw.reference().isBlank() ? null
                : fields.optional("reference", raw.reference(), Payment::reference);
        fields.throwIfInvalid();
        return new RefundCommand(method, amount, reference);
    }

    /** What the membership's history and the credit note say of it: "espèces", "chèque 0012345", "virement RB-12". */
    public String label() {
        String how = method.label();
        return reference == null ? how : how + " " + reference;
    }
}
