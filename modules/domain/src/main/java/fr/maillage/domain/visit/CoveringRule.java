package fr.maillage.domain.visit;

import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a member's memberships covers a visit. <b>The rule</b>, for a visit to a place on a local date (the
 * network's time zone):
 * <ol>
 * <li>Only memberships that are {@code ACTIVE}, valid on that date (from {@code validFrom} to {@code validUntil},
 * both included) and whose scope includes the place are candidates: {@code OPERATOR_PLACES} if the place's operator
 * sold it, {@code CHOSEN_PLACES} if the place is one of those chosen at sale, {@code WHOLE_NETWORK} everywhere.</li>
 * <li>A <b>subscription</b> first (unlimited: nothing is consumed);</li>
 * <li>then a <b>day pass</b> valid that date;</li>
 * <li>then the <b>card that expires soonest</b> among those with an entry left (so that no entry is lost to
 * expiry).</li>
 * </ol>
 * Ties, at each step: the one that ends soonest, then the one sold first, then the smallest id — the choice never
 * depends on the order the memberships are read in. No candidate: empty (the caller names the offers on sale for the
 * place, see {@link #offerCovers}).
 */
public final class CoveringRule {

    private static final Comparator<HeldMembership> PREFERENCE = Comparator
            .comparingInt((HeldMembership m) -> rank(m.kind()))
            .thenComparing(HeldMembership::validUntil, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(HeldMembership::soldAt)
            .thenComparing(HeldMembership::id);

    private CoveringRule() {
    }

    /** The membership that covers a visit to {@code place} (run by {@code placeOperator}) on {@code date}. */
    public static Optional<HeldMembership> choose(List<HeldMembership> memberships, PlaceId place,
            OperatorId placeOperator, LocalDate date) {
        return memberships.stream()
                .filter(m -> m.validOn(date) && m.covers(place, placeOperator))
                .filter(m -> !m.isCard() || m.hasEntriesLeft())
                .min(PREFERENCE);
    }

    /** Whether an offer, once bought, would cover visits to {@code place} (run by {@code placeOperator}). */
    public static boolean offerCovers(Offer offer, PlaceId place, OperatorId placeOperator) {
        return switch (offer.scope()) {
            case OfferScope.OperatorPlaces p -> offer.operator().equals(placeOperator);
            case OfferScope.ChosenPlaces chosen -> chosen.places().contains(place);
            case OfferScope.WholeNetwork w -> true;
        };
    }

    private static int rank(HeldMembership.Kind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> 0;
            case DAY_PASS -> 1;
            case CARD -> 2;
        };
    }
}
