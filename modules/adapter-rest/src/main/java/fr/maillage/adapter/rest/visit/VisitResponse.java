package fr.maillage.adapter.rest.visit;

import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.visit.Visit;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A visit as the API shows it.
 *
 * @param presenceMinutes the minutes of presence, until the check-out or until now for an open visit
 * @param entriesShort the started blocks the card could not pay for at check-out
 */
record VisitResponse(UUID id, UUID placeId, String placeName, UUID memberId, String memberName, String source,
        Instant checkedInAt, @Nullable Instant checkedOutAt, @Nullable String closedBy, boolean open,
        long presenceMinutes, int entriesConsumed, int entriesShort, @Nullable String overrideReason,
        @Nullable MembershipResponse membership) {

    /** The membership that covered the visit, and the entries its card has left now. */
    record MembershipResponse(UUID id, @Nullable String offerName, @Nullable String kind,
            @Nullable Integer entriesRemaining) {
    }

    static VisitResponse of(VisitDetails d, Instant now) {
        Visit v = d.visit();
        return new VisitResponse(v.id(), v.place().value(), d.placeName(), v.member().value(), d.memberName(),
                v.source().name(), v.checkedInAt(), v.checkedOutAt(), v.closedBy() == null ? null : v.closedBy().name(),
                v.isOpen(), v.presence(now).toMinutes(), v.entriesConsumed(), v.entriesShort(), v.overrideReason(),
                v.membership() == null ? null
                        : new MembershipResponse(v.membership(), d.offerName(), d.membershipKind(),
                                d.entriesRemaining()));
    }
}
