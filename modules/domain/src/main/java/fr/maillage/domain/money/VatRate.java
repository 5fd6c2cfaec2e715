package fr.maillage.domain.money;

import fr.maillage.domain.shared.InvalidValueException;

/**
 * A VAT rate in basis points (2000 = 20 %). French rates: 20 %, 10 %, 5.5 %, 2.1 %; any rate from 0 to 100 % is
 * accepted so that overseas rates (8.5 %, 2.1 % in the DROM) fit.
 */
public record VatRate(int basisPoints) implements Comparable<VatRate> {

    public static final VatRate STANDARD = new VatRate(2000);
    public static final VatRate INTERMEDIATE = new VatRate(1000);
    public static final VatRate REDUCED = new VatRate(550);
    public static final VatRate SUPER_REDUCED = new VatRate(210);

    public VatRate {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new InvalidValueException("vat.rate.range");
        }
    }

    /** From a percentage written as people do: "20", "5.5", "5,5". */
    public static VatRate percent(String raw) {
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(raw.strip().replace(',', '.'));
            java.math.BigDecimal bp = value.movePointRight(2);
            if (bp.stripTrailingZeros().scale() > 0) {
                throw new InvalidValueException("vat.rate.precision");
            }
            return new VatRate(bp.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("vat.rate.format", raw);
        }
    }

    /** The VAT of a net amount in cents, rounded half-up to the cent (per line). */
    public long vatOn(long netCents) {
        return (netCents * basisPoints + 5_000) / 10_000;
    }

    @Override
    public int compareTo(VatRate other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    @Override
    public String toString() {
        java.math.BigDecimal percent = java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return percent.toPlainString() + " %";
    }
}
