package fr.maillage.application.booking.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.booking.Booking;
import fr.maillage.domain.booking.BookingId;
import fr.maillage.domain.hours.Opening;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.Resource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reading bookings: one booking, a resource's agenda, a member's own bookings. */
public interface BookingsQuery {

    /** One booking: its member, or a manager of its place (animators: any); anyone else gets 404. */
    BookingView booking(Caller caller, NetworkSlug network, BookingId id);

    /**
     * What is booked of a resource in a window (anyone of the network), with the openings of its place: managers of
     * the place and animators see who booked; members see their own bookings, and only busy ranges for the others.
     */
    ResourceAgenda agenda(Caller caller, NetworkSlug network, UUID resource, @Nullable String from,
            @Nullable String to);

    /** The caller's own bookings (cancelled ones included) that meet the window, by start. */
    Page<BookingView> myBookings(Caller caller, NetworkSlug network, @Nullable String from, @Nullable String to,
            PageRequest page);

    /** A booking with the names people read next to it; {@code zone} is the network's. */
    record BookingView(Booking booking, ZoneId zone, String resourceName, String placeName, String placeAddress,
            String memberName) {
    }

    /** A resource's agenda over {@code [from, to)}. */
    record ResourceAgenda(Resource resource, String placeName, ZoneId zone, Instant from, Instant to,
            List<Opening> openings, List<AgendaEntry> entries) {
    }

    /** A confirmed booking in an agenda; {@code booking} is {@code null} when the reader may not see whose it is. */
    record AgendaEntry(Instant start, Instant end, @Nullable BookingView booking) {
    }
}
