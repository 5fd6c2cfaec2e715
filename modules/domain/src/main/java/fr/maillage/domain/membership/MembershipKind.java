package fr.maillage.domain.membership;

import fr.maillage.domain.offer.OfferTerms;

/** What was sold: the kind of the offer's terms. */
public enum MembershipKind {
    SUBSCRIPTION, CARD, DAY_PASS;

    public static MembershipKind of(OfferTerms terms) {
        return switch (terms) {
            case OfferTerms.Subscription s -> SUBSCRIPTION;
            case OfferTerms.Card c -> CARD;
            case OfferTerms.DayPass d -> DAY_PASS;
        };
    }
}
