package fr.maillage.domain.money;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.Currency;
import java.util.Objects;

/** An amount in the smallest unit of its currency (cents for EUR). Never a floating-point number. */
public record Money(long cents, Currency currency) {

    public static final Currency EUR = Currency.getInstance("EUR");
    /** 1 000 000 € : beyond any price a tiers-lieu asks. */
    public static final long MAX_CENTS = 100_000_000L;

    public Money {
        Objects.requireNonNull(currency);
        if (cents < 0 || cents > MAX_CENTS) {
            throw new InvalidValueException("money.amount.range", MAX_CENTS / 100);
        }
    }

    public static Money euros(long cents) {
        return new Money(cents, EUR);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(cents + other.cents, currency);
    }

    /** This amount divided in {@code parts}, rounded half-up to the cent (50 € / 10 entries = 5 €). */
    public Money dividedBy(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts " + parts);
        }
        return new Money((cents * 2 + parts) / (2L * parts), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return String.format("%d.%02d %s", cents / 100, cents % 100, currency.getCurrencyCode());
    }
}
