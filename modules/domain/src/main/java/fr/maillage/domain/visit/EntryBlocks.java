package fr.maillage.domain.visit;

import java.time.Duration;
import java.time.Instant;

/**
 * How many entries of a card a visit consumes: <b>one per started block</b> of the card's entry duration, counted
 * from the check-in, in real time (instants, so daylight-saving changes neither add nor remove time). A visit of
 * 4 hours with 3-hour entries consumes 2; of exactly 3 hours, 1; of 3 hours and one second, 2. A visit that has just
 * begun (0 minutes) has started its first block: 1 — which is what check-in consumes.
 */
public final class EntryBlocks {

    private EntryBlocks() {
    }

    /** The blocks started by a presence of {@code presence} with entries of {@code entryDuration} (at least 1). */
    public static int started(Duration presence, Duration entryDuration) {
        if (presence.isNegative()) {
            throw new IllegalArgumentException("a presence lasts 0 or more: " + presence);
        }
        if (entryDuration.isNegative() || entryDuration.isZero()) {
            throw new IllegalArgumentException("an entry lasts more than 0: " + entryDuration);
        }
        long blocks = Math.ceilDiv(presence.toNanos(), entryDuration.toNanos());
        return (int) Math.max(1, Math.min(blocks, Integer.MAX_VALUE));
    }

    /** The blocks started between a check-in and a check-out. */
    public static int started(Instant checkedIn, Instant checkedOut, Duration entryDuration) {
        return started(Duration.between(checkedIn, checkedOut), entryDuration);
    }
}
