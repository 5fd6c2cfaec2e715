package fr.maillage.application.payment.port.in;

import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.PlatformFee;
import fr.maillage.application.shared.Fields;
import fr.maillage.domain.shared.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * The platform's fee on a network's online payments: {@code fixedCents} (0 to {@value #MAX_FIXED_CENTS}) plus
 * {@code perMille} of the amount (0 to {@value #MAX_PER_MILLE}), both required.
 */
public record SetPlatformFeeCommand(PlatformFee fee) {

    /** The largest fixed part: 20 €. */
    public static final long MAX_FIXED_CENTS = 2_000;
    /** The largest proportional part: 30 %. */
    public static final int MAX_PER_MILLE = 300;

    public record Raw(@Nullable Long fixedCents, @Nullable Integer perMille) {
    }

    /** @throws fr.maillage.application.shared.InvalidInputException every field that is missing or out of range */
    public static SetPlatformFeeCommand parse(Raw raw) {
        Fields fields = new Fields();
        Long fixed = fields.required("fixedCents", raw.fixedCents(), v -> {
            if (v < 0 || v > MAX_FIXED_CENTS) {
                throw new InvalidValueException("platform-fee.fixed-cents.range", 0, MAX_FIXED_CENTS);
            }
            return v;
        });
        Integer perMille = fields.required("perMille", raw.perMille(), v -> {
            if (v < 0 || v > MAX_PER_MILLE) {
                throw new InvalidValueException("platform-fee.per-mille.range", 0, MAX_PER_MILLE);
            }
            return v;
        });
        fields.throwIfInvalid();
        return new SetPlatformFeeCommand(new PlatformFee(java.util.Objects.requireNonNull(fixed),
                java.util.Objects.requireNonNull(perMille)));
    }
}
