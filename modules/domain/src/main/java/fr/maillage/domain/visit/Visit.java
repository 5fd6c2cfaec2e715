package fr.maillage.domain.visit;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A visit (passage): a member present in a place from check-in to check-out.
 *
 * @param membership the membership that covered it (a subscription, a day pass or a card)
 * @param checkedInBy the subject of whoever recorded the arrival (the member, or the manager at the desk)
 * @param entriesConsumed the entries of the card it consumed (one at check-in, the further started blocks at
 *     check-out; 0 under a subscription or a day pass)
 * @param entriesShort the started blocks the card could not pay for at check-out (it had fewer entries left): for
 *     the manager to settle with the member
 * @param overrideReason why a manager recorded it outside the opening hours
 */
public record Visit(UUID id, NetworkId network, PlaceId place, MemberId member, @Nullable UUID membership,
        VisitSource source, Instant checkedInAt, String checkedInBy, @Nullable Instant checkedOutAt,
        @Nullable ClosedBy closedBy, int entriesConsumed, int entriesShort, @Nullable String overrideReason) {

    public Visit {
        Objects.requireNonNull(id);
        Objects.requireNonNull(place);
        Objects.requireNonNull(member);
        Objects.requireNonNull(source);
        Objects.requireNonNull(checkedInAt);
        if ((checkedOutAt == null) != (closedBy == null)) {
            throw new IllegalArgumentException("a closed visit says who closed it, an open one does not");
        }
        if (checkedOutAt != null && checkedOutAt.isBefore(checkedInAt)) {
            throw new IllegalArgumentException("a visit ends after it begins");
        }
        if (entriesConsumed < 0 || entriesShort < 0) {
            throw new IllegalArgumentException("entries are counted from 0");
        }
    }

    public boolean isOpen() {
        return checkedOutAt == null;
    }

    /** How long the member was (or has been, at {@code now}) present. */
    public Duration presence(Instant now) {
        Instant end = checkedOutAt == null ? now : checkedOutAt;
        return end.isBefore(checkedInAt) ? Duration.ZERO : Duration.between(checkedInAt, end);
    }
}
