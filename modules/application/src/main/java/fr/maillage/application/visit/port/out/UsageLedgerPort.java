package fr.maillage.application.visit.port.out;

import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.visit.UsageEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The usage ledger of the current network: append-only lines, added up into monthly settlements. */
public interface UsageLedgerPort {

    void record(UsageEntry entry);

    /**
     * The month's lines between two different operators, added up per pair (seller, place operator), sorted by the
     * seller's then the place operator's name; only the pairs that involve one of {@code involving} unless it is
     * {@code null}.
     */
    List<SettlementLine> settlements(LocalDate month, @Nullable Set<OperatorId> involving);

    /** What the seller owes the place's operator for a month: the entries used there and their value. */
    record SettlementLine(OperatorId seller, String sellerName, OperatorId placeOperator, String placeOperatorName,
            long entries, long amountCents) {
    }
}
