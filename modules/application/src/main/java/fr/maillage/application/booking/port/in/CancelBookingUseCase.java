package fr.maillage.application.booking.port.in;

import fr.maillage.application.booking.port.in.BookingsQuery.BookingView;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.booking.BookingId;
import fr.maillage.domain.network.NetworkSlug;
import org.jspecify.annotations.Nullable;

/**
 * Cancelling a booking: its member until it starts, a manager of its place (animators: any) until it ends; the
 * booking is kept, cancelled, and its slot is free again. Cancelling a cancelled booking changes nothing.
 */
public interface CancelBookingUseCase {

    BookingView cancel(Caller caller, NetworkSlug network, BookingId id, @Nullable String reason);
}
