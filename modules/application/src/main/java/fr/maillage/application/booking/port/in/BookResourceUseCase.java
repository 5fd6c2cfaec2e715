package fr.maillage.application.booking.port.in;

import fr.maillage.application.booking.port.in.BookingsQuery.BookingView;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import java.util.UUID;

/**
 * Booking a resource: a member for themself ({@code SELF_SERVICE}), or a manager for a member at the places of their
 * operators ({@code FRONT_DESK}, with {@code memberId}). Refused with 409 when the place is closed then
 * ({@code booking.outside-hours}...) or when the resource is taken ({@code booking.overlap}).
 */
public interface BookResourceUseCase {

    BookingView book(Caller caller, NetworkSlug network, UUID resource, BookingCommand.Raw raw);
}
