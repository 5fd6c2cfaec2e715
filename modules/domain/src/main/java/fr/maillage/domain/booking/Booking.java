package fr.maillage.domain.booking;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resource of a place held by a member for {@code [start, end)} (real time). {@code bookedBy} is the subject of
 * whoever booked (the member, or a manager at the desk). A cancelled booking is kept, with who cancelled it, when and
 * why; it no longer holds the resource.
 */
public record Booking(BookingId id, NetworkId network, UUID resource, PlaceId place, MemberId member, Instant start,
        Instant end, BookingStatus status, String bookedBy, @Nullable String note, @Nullable Instant cancelledAt,
        @Nullable String cancelledBy, @Nullable String cancelReason, Instant createdAt, Instant updatedAt,
        long version) {

    public Booking {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(place);
        Objects.requireNonNull(member);
        Objects.requireNonNull(status);
        Objects.requireNonNull(bookedBy);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a booking ends after it starts: " + start + " " + end);
        }
        if ((status == BookingStatus.CANCELLED) != (cancelledAt != null && cancelledBy != null)) {
            throw new IllegalArgumentException("a booking is cancelled if and only if it says when and by whom");
        }
    }

    /** A new confirmed booking. */
    public static Booking confirmed(BookingId id, NetworkId network, UUID resource, PlaceId place, MemberId member,
            Instant start, Instant end, String bookedBy, @Nullable String note, Instant now) {
        return new Booking(id, network, resource, place, member, start, end, BookingStatus.CONFIRMED, bookedBy, note,
                null, null, null, now, now, 0);
    }

    public boolean isConfirmed() {
        return status == BookingStatus.CONFIRMED;
    }

    /**
     * This booking cancelled at {@code now} by {@code by}. A member cancels their own booking until it starts
     * ({@code booking.cancel.started}); a manager until it ends ({@code booking.cancel.ended}), to free the rest of a
     * slot nobody came for. Cancelling a cancelled booking changes nothing: it is returned as it is.
     */
    public Booking cancel(Instant now, String by, @Nullable String reason, boolean asManager) {
        if (!isConfirmed()) {
            return this;
        }
        if (asManager ? !now.isBefore(end) : !now.isBefore(start)) {
            throw new ConflictException(asManager ? "booking.cancel.ended" : "booking.cancel.started");
        }
        return new Booking(id, network, resource, place, member, start, end, BookingStatus.CANCELLED, bookedBy, note,
                now, by, reason, createdAt, now, version);
    }
}
