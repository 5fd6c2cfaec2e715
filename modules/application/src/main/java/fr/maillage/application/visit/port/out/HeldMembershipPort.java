package fr.maillage.application.visit.port.out;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.visit.HeldMembership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The memberships of the current network as visits see them, and the consumption of card entries. Consumption
 * never makes a balance negative and never spends an entry twice: each call is one statement, or one locked row,
 * that PostgreSQL serialises against every concurrent one (see docs/adr/0008-check-in-consumption.md).
 */
public interface HeldMembershipPort {

    /** The member's active memberships, with their chosen places. */
    List<HeldMembership> activeOf(MemberId member);

    Optional<HeldMembership> find(UUID membership);

    /**
     * Takes {@code entries} from an active card, all or nothing: {@code UPDATE ... SET entries_remaining =
     * entries_remaining - n WHERE ... AND status = 'ACTIVE' AND entries_remaining >= n RETURNING entries_remaining}.
     * The entries left afterwards; empty when the card no longer has them (spent meanwhile by a concurrent
     * transaction, which this one waited for) or is no longer active.
     */
    OptionalInt consume(UUID membership, int entries, Instant at);

    /**
     * Takes up to {@code entries} from a card that is active or has expired (not from a cancelled one), locking its row
     * first.
     */
    Consumption consumeUpTo(UUID membership, int entries, Instant at);

    /** What {@link #consumeUpTo} took (0 to the entries asked) and what the card has left. */
    record Consumption(int taken, int remaining) {
    }
}
