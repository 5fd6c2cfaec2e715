package fr.maillage.application.booking.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.booking.Booking;
import fr.maillage.domain.booking.BookingId;
import fr.maillage.domain.member.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Bookings of the current network (tenant transaction). */
public interface BookingPort {

    Optional<Booking> find(BookingId id);

    /**
     * Stores a new booking. The database refuses a confirmed booking that overlaps another confirmed booking of the
     * resource: {@link fr.maillage.domain.shared.ConflictException} {@code booking.overlap} (without arguments); the
     * transaction can then only be rolled back.
     */
    Booking insert(Booking booking);

    /** Stores a change (a cancellation); {@link fr.maillage.application.shared.StaleVersionException} if it moved. */
    Booking update(Booking booking);

    /**
     * Makes the bookings of a resource queue behind each other until the end of the transaction (a row lock on the
     * resource), so that concurrent bookings of it fail cleanly on the exclusion constraint instead of deadlocking.
     */
    void lockResource(UUID resource);

    /** The confirmed bookings of a resource that meet {@code [from, to)}, by start. */
    List<Booking> confirmedOf(UUID resource, Instant from, Instant to);

    /** A member's bookings, cancelled included, that end after {@code from} and start before {@code to}; by start. */
    Page<Booking> ofMember(MemberId member, Instant from, @Nullable Instant to, PageRequest page);

    /** A member's bookings, cancelled included, that end after {@code since}; by start, at most {@code limit}. */
    List<Booking> calendarOf(MemberId member, Instant since, int limit);
}
