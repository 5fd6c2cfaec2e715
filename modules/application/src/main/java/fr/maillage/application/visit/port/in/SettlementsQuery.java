package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.port.out.UsageLedgerPort.SettlementLine;
import fr.maillage.domain.network.NetworkSlug;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The monthly settlement statement between operators: per pair (seller A, place operator B, A ≠ B), the entries of
 * A's cards used at B's places and their value, which A owes B ({@code READ_REPORTS}; animators see every pair,
 * managers the pairs that involve an operator they run).
 */
public interface SettlementsQuery {

    /** @param month {@code YYYY-MM}; the current month (network time) when {@code null} */
    Settlements settlements(Caller caller, NetworkSlug network, @Nullable String month);

    record Settlements(YearMonth month, List<SettlementLine> lines) {

        public long totalEntries() {
            return lines.stream().mapToLong(SettlementLine::entries).sum();
        }

        public long totalCents() {
            return lines.stream().mapToLong(SettlementLine::amountCents).sum();
        }
    }
}
