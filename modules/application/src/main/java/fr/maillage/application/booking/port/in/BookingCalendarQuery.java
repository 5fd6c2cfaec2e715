package fr.maillage.application.booking.port.in;

import fr.maillage.application.booking.port.in.BookingsQuery.BookingView;
import java.time.ZoneId;
import java.util.List;

/** The bookings behind a feed token, for the public calendar address (no login: the token is the secret). */
public interface BookingCalendarQuery {

    /**
     * The bookings of the member whose feed has this token, from {@link #DAYS_BACK} days ago, cancelled ones
     * included, at most {@link #MAX_EVENTS}; {@code calendar.not-found} (404) for any token that is not a current one.
     */
    MemberCalendar calendar(String token);

    int DAYS_BACK = 92;
    int MAX_EVENTS = 1_000;

    /** A member's bookings and the network they belong to. */
    record MemberCalendar(String networkName, ZoneId zone, List<BookingView> bookings) {
    }
}
