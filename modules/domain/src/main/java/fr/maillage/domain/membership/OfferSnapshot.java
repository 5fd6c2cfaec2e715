package fr.maillage.domain.membership;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What was sold, copied from the offer at the sale: later changes to the offer never change what a member bought.
 *
 * @param operator the operator that sold it (the offer's)
 * @param scope where it can be used, with the chosen places as they were at the sale
 */
public record OfferSnapshot(UUID offer, OperatorId operator, String name, OfferTerms terms, Money price,
        @Nullable VatRate vatRate, OfferScope scope) {

    public OfferSnapshot {
        Objects.requireNonNull(offer);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(name);
        Objects.requireNonNull(terms);
        Objects.requireNonNull(price);
        Objects.requireNonNull(scope);
    }

    public static OfferSnapshot of(Offer offer) {
        return new OfferSnapshot(offer.id(), offer.operator(), offer.name(), offer.terms(), offer.price(),
                offer.vatRate(), offer.scope());
    }

    public MembershipKind kind() {
        return MembershipKind.of(terms);
    }

    public boolean isFree() {
        return price.cents() == 0;
    }
}
