package fr.maillage.domain.visit;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a check-in needs to know of a membership (a member's holding of an offer, as sold): the read model of the
 * {@code membership} table for visits. The sale, payments and life cycle of memberships are not modelled here.
 *
 * @param operator the operator that sold it (the seller, who received the money)
 * @param price what the member paid for it, VAT included
 * @param chosenPlaces the places it covers when its scope is {@link Scope#CHOSEN_PLACES} (empty otherwise)
 * @param entriesTotal for a card, the entries bought (else {@code null}); {@code entriesRemaining} those left
 * @param entryDuration for a card, the presence one entry covers (La Serre: 3 hours)
 * @param validFrom the first local date it is valid (inclusive), {@code null} until it is activated
 * @param validUntil the last local date it is valid (inclusive), {@code null} until it is activated
 */
public record HeldMembership(UUID id, UUID offer, OperatorId operator, Kind kind, Status status, String offerName,
        Money price, Scope scope, Set<PlaceId> chosenPlaces, @Nullable Integer entriesTotal,
        @Nullable Integer entriesRemaining, @Nullable Duration entryDuration, @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil, Instant soldAt) {

    public enum Kind { SUBSCRIPTION, CARD, DAY_PASS }

    public enum Status { PENDING_PAYMENT, ACTIVE, EXPIRED, CANCELLED }

    public enum Scope { OPERATOR_PLACES, CHOSEN_PLACES, WHOLE_NETWORK }

    public HeldMembership {
        Objects.requireNonNull(id);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(status);
        Objects.requireNonNull(price);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(soldAt);
        chosenPlaces = Set.copyOf(chosenPlaces);
        if ((kind == Kind.CARD) != (entriesTotal != null && entriesRemaining != null && entryDuration != null)) {
            throw new IllegalArgumentException("a card, and only a card, has entries and an entry duration");
        }
        if (entriesTotal != null && entriesRemaining != null
                && (entriesTotal < 1 || entriesRemaining < 0 || entriesRemaining > entriesTotal)) {
            throw new IllegalArgumentException("entries " + entriesRemaining + " of " + entriesTotal);
        }
    }

    public boolean isCard() {
        return kind == Kind.CARD;
    }

    /** Whether it may be used on {@code date}: active, and the date within its validity. */
    public boolean validOn(LocalDate date) {
        return status == Status.ACTIVE && validFrom != null && validUntil != null && !date.isBefore(validFrom)
                && !date.isAfter(validUntil);
    }

    /** Whether its scope includes the place (run by {@code placeOperator}). */
    public boolean covers(PlaceId place, OperatorId placeOperator) {
        return switch (scope) {
            case OPERATOR_PLACES -> operator.equals(placeOperator);
            case CHOSEN_PLACES -> chosenPlaces.contains(place);
            case WHOLE_NETWORK -> true;
        };
    }

    /** For a card, whether an entry is left. */
    public boolean hasEntriesLeft() {
        return entriesRemaining != null && entriesRemaining > 0;
    }

    /**
     * What one entry of a card is worth, for the usage ledger: the price paid divided by the entries bought, rounded
     * half-up to the cent (50 € / 10 = 5 €), as {@link fr.maillage.domain.offer.Offer#entryValue()} does.
     */
    public Money entryValue() {
        if (entriesTotal == null) {
            throw new IllegalStateException("only cards have entries");
        }
        return price.dividedBy(entriesTotal);
    }

    /** For a card, the presence one entry covers. */
    public Duration requireEntryDuration() {
        if (entryDuration == null) {
            throw new IllegalStateException("only cards have an entry duration");
        }
        return entryDuration;
    }
}
