package fr.maillage.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cancelling: a member until the start, a manager until the end; twice changes nothing. */
class BookingTest {

    static final Instant NINE = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant ELEVEN = Instant.parse("2026-03-02T10:00:00Z");

    static Booking booking() {
        return Booking.confirmed(new BookingId(UUID.randomUUID()), new NetworkId(UUID.randomUUID()),
                UUID.randomUUID(), new PlaceId(UUID.randomUUID()), new MemberId(UUID.randomUUID()), NINE, ELEVEN,
                "member-subject", "Réunion d’équipe", NINE.minusSeconds(86_400));
    }

    @Test
    void a_member_cancels_their_booking_until_it_starts() {
        Booking cancelled = booking().cancel(NINE.minusSeconds(1), "member-subject", null, false);
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(NINE.minusSeconds(1));
        assertThat(cancelled.cancelledBy()).isEqualTo("member-subject");
        assertThat(cancelled.updatedAt()).isEqualTo(NINE.minusSeconds(1));
        assertThatThrownBy(() -> booking().cancel(NINE, "member-subject", null, false))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("booking.cancel.started");
    }

    @Test
    void a_manager_cancels_until_the_end_to_free_the_rest_of_a_slot() {
        Booking cancelled = booking().cancel(ELEVEN.minusSeconds(60), "manager", "Personne n’est venu", true);
        assertThat(cancelled.cancelReason()).isEqualTo("Personne n’est venu");
        assertThatThrownBy(() -> booking().cancel(ELEVEN, "manager", null, true))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("booking.cancel.ended");
    }

    @Test
    void cancelling_twice_changes_nothing() {
        Booking once = booking().cancel(NINE.minusSeconds(3_600), "member-subject", null, false);
        assertThat(once.cancel(ELEVEN.plusSeconds(3_600), "manager", "encore", true)).isSameAs(once);
    }

    @Test
    void a_booking_ends_after_it_starts_and_is_cancelled_exactly_when_it_says_when_and_by_whom() {
        Booking b = booking();
        assertThatThrownBy(() -> new Booking(b.id(), b.network(), b.resource(), b.place(), b.member(), ELEVEN, ELEVEN,
                BookingStatus.CONFIRMED, "x", null, null, null, null, NINE, NINE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Booking(b.id(), b.network(), b.resource(), b.place(), b.member(), NINE, ELEVEN,
                BookingStatus.CANCELLED, "x", null, null, null, null, NINE, NINE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
