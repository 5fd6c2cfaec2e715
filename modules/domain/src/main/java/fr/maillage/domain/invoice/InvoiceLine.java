package fr.maillage.domain.invoice;

import fr.maillage.domain.money.VatRate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line: a description, a quantity, the unit price VAT included (what was sold), and what {@link Amounts} derives
 * from it: the unit price and the line amount excluding VAT, the line amount VAT included. {@code vatRate} is
 * {@code null} when the operator charges no VAT (franchise or exemption): the amounts excluding and including VAT are
 * then the same.
 *
 * @param unitPriceExclVatCents the unit price excluding VAT, rounded half-up to the cent (informative: the line's net
 *     amount is computed from the line's VAT-included amount, not from this rounded unit price)
 */
public record InvoiceLine(int position, String description, int quantity, long unitPriceInclVatCents,
        long unitPriceExclVatCents, @Nullable VatRate vatRate, long netCents, long grossCents) {

    public InvoiceLine {
        Objects.requireNonNull(description);
        if (position < 1 || quantity < 1 || unitPriceInclVatCents < 0 || netCents < 0 || grossCents < netCents) {
            throw new IllegalArgumentException("line " + position);
        }
    }

    /** A line computed from its VAT-included unit price, by the rule of {@link Amounts#net}. */
    public static InvoiceLine of(int position, String description, int quantity, long unitPriceInclVatCents,
            @Nullable VatRate rate) {
        long gross = Math.multiplyExact(unitPriceInclVatCents, (long) quantity);
        return new InvoiceLine(position, description, quantity, unitPriceInclVatCents,
                Amounts.net(unitPriceInclVatCents, rate), rate, Amounts.net(gross, rate), gross);
    }

    public long vatCents() {
        return grossCents - netCents;
    }
}
