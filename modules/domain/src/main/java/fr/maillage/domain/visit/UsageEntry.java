package fr.maillage.domain.visit;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A line of the usage ledger: entries of a card consumed by a visit, valued at the card's unit value (price / entries
 * bought: 50 € / 10 = 5 €), with the operator that sold the card and the operator of the place visited. When they
 * differ, the seller owes the amount to the place's operator; settlements add the lines up by month and pair. The
 * ledger is append-only.
 *
 * @param usedOn the local date (network time) of the visit's check-in; its month is the settlement month
 */
public record UsageEntry(UUID id, NetworkId network, UUID visit, UUID membership, PlaceId place,
        OperatorId sellerOperator, OperatorId placeOperator, int entries, Money unitValue, LocalDate usedOn) {

    public UsageEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(sellerOperator);
        Objects.requireNonNull(placeOperator);
        Objects.requireNonNull(unitValue);
        Objects.requireNonNull(usedOn);
        if (entries < 1) {
            throw new IllegalArgumentException("a ledger line has at least one entry");
        }
    }

    public long amountCents() {
        return Math.multiplyExact(unitValue.cents(), entries);
    }

    /** The first day of the month of {@link #usedOn()}. */
    public LocalDate month() {
        return usedOn.withDayOfMonth(1);
    }

    /** Whether this line is owed between two different operators. */
    public boolean betweenOperators() {
        return !sellerOperator.equals(placeOperator);
    }
}
