package fr.maillage.domain.offer;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A formule an operator sells. The price is what the member pays (VAT included, as shown to the public); the VAT is
 * the operator's: a rate of its regime when it is liable, none otherwise. An offer that has been sold is archived,
 * never deleted.
 */
public record Offer(UUID id, NetworkId network, OperatorId operator, String name, OfferTerms terms, Money price,
        @Nullable VatRate vatRate, OfferScope scope, boolean archived, boolean sold, long version) {

    public Offer {
        Objects.requireNonNull(terms);
        Objects.requireNonNull(price);
        Objects.requireNonNull(scope);
    }

    /** Checks the VAT against the operator's regime: a liable operator's rate, or none at all. */
    public static void checkVat(VatRegime regime, @Nullable VatRate rate) {
        if (regime instanceof VatRegime.Liable) {
            if (rate == null || !regime.allows(rate)) {
                throw new InvalidValueException("offer.vat.not-in-regime");
            }
        } else if (rate != null) {
            throw new InvalidValueException("offer.vat.not-liable");
        }
    }

    /** The price excluding VAT, rounded half-up to the cent. */
    public long netCents() {
        if (vatRate == null) {
            return price.cents();
        }
        return (price.cents() * 10_000 * 2 + (10_000 + vatRate.basisPoints()))
                / (2L * (10_000 + vatRate.basisPoints()));
    }

    public long vatCents() {
        return price.cents() - netCents();
    }

    /** What one entry of a card is worth (50 € / 10 entries = 5 €), for the usage ledger between operators. */
    public Money entryValue() {
        if (!(terms instanceof OfferTerms.Card card)) {
            throw new IllegalStateException("only cards have entries");
        }
        return price.dividedBy(card.entries());
    }
}
