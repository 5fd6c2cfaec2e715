package fr.maillage.adapter.rest.booking;

import fr.maillage.application.booking.port.in.BookingsQuery.AgendaEntry;
import fr.maillage.application.booking.port.in.BookingsQuery.BookingView;
import fr.maillage.application.booking.port.in.BookingsQuery.ResourceAgenda;
import fr.maillage.domain.booking.Booking;
import fr.maillage.domain.hours.Opening;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON of bookings: instants in UTC ({@code start}), and the same on the network's clock ({@code localStart}). */
final class BookingResponses {

    private BookingResponses() {
    }

    record BookingResponse(UUID id, UUID resourceId, String resourceName, UUID placeId, String placeName,
            UUID memberId, String memberName, Instant start, Instant end, String localStart, String localEnd,
            String status, @Nullable String note, String bookedBy, Instant createdAt, @Nullable Instant cancelledAt,
            @Nullable String cancelledBy, @Nullable String cancelReason, long version) {

        static BookingResponse of(BookingView view) {
            Booking b = view.booking();
            return new BookingResponse(b.id().value(), b.resource(), view.resourceName(), b.place().value(),
                    view.placeName(), b.member().value(), view.memberName(), b.start(), b.end(),
                    local(b.start(), view.zone()), local(b.end(), view.zone()), b.status().name(), b.note(),
                    b.bookedBy(), b.createdAt(), b.cancelledAt(), b.cancelledBy(), b.cancelReason(), b.version());
        }
    }

    record SlotResponse(Instant start, Instant end, String localStart, String localEnd) {

        static SlotResponse of(Opening o, ZoneId zone) {
            return new SlotResponse(o.start(), o.end(), local(o.start(), zone), local(o.end(), zone));
        }
    }

    /** A busy range of the resource; {@code booking} only for those who may see whose it is. */
    record AgendaEntryResponse(Instant start, Instant end, String localStart, String localEnd,
            @Nullable BookingResponse booking) {

        static AgendaEntryResponse of(AgendaEntry e, ZoneId zone) {
            return new AgendaEntryResponse(e.start(), e.end(), local(e.start(), zone), local(e.end(), zone),
                    e.booking() == null ? null : BookingResponse.of(e.booking()));
        }
    }

    record AgendaResponse(UUID resourceId, String resourceName, boolean active, UUID placeId, String placeName,
            String timeZone, Instant from, Instant to, List<SlotResponse> openings,
            List<AgendaEntryResponse> bookings) {

        static AgendaResponse of(ResourceAgenda a) {
            return new AgendaResponse(a.resource().id(), a.resource().name(), a.resource().active(),
                    a.resource().place().value(), a.placeName(), a.zone().getId(), a.from(), a.to(),
                    a.openings().stream().map(o -> SlotResponse.of(o, a.zone())).toList(),
                    a.entries().stream().map(e -> AgendaEntryResponse.of(e, a.zone())).toList());
        }
    }

    /** A member's feed: its address only when this call issued it (only a hash of the token is kept). */
    record FeedResponse(@Nullable String url, Instant issuedAt, boolean issuedNow) {
    }

    /** {@code 2026-03-02T09:00+01:00}: the instant on the network's clock, with its offset. */
    static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }
}
