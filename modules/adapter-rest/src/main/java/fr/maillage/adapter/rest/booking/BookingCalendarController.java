package fr.maillage.adapter.rest.booking;

import fr.maillage.adapter.rest.shared.ICalendar;
import fr.maillage.application.booking.port.in.BookingCalendarQuery;
import fr.maillage.application.booking.port.in.BookingCalendarQuery.MemberCalendar;
import fr.maillage.application.booking.port.in.BookingsQuery.BookingView;
import fr.maillage.domain.booking.Booking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The private iCalendar feed of a member's bookings, without login (calendar applications send no token): the
 * unguessable token in the address is the secret. Any other token is a 404 that says nothing more. Each booking is an
 * event whose UID never changes; a cancelled one stays, with STATUS:CANCELLED and a higher SEQUENCE. Without a
 * METHOD, each DTSTAMP is the booking's last change, so the bytes (and the ETag) change only with the bookings.
 */
@RestController
@Tag(name = "Bookings")
class BookingCalendarController {

    static final String PATH = "/api/public/calendars/bookings/";
    private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();

    private final BookingCalendarQuery calendars;

    BookingCalendarController(BookingCalendarQuery calendars) {
        this.calendars = calendars;
    }

    @Operation(summary = "A member's bookings as an iCalendar feed (secret address, no login)",
            description = "From 92 days back, cancelled bookings included (STATUS:CANCELLED). 404 for an unknown or "
                    + "rotated token.")
    @GetMapping(path = PATH + "{token}.ics", produces = "text/calendar")
    ResponseEntity<byte[]> feed(@PathVariable String token, HttpServletRequest request) {
        MemberCalendar calendar = calendars.calendar(token);
        byte[] body = ics(calendar);
        String etag = "\"" + sha256(body) + "\"";
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(ICalendar.MEDIA_TYPE).eTag(etag).cacheControl(CACHE)
                .header("X-Robots-Tag", "noindex").header("Referrer-Policy", "no-referrer").body(body);
    }

    static byte[] ics(MemberCalendar calendar) {
        ICalendar ics = ICalendar.of("-//Maillage//Réservations//FR", null,
                "Mes réservations – " + calendar.networkName(), calendar.zone());
        for (BookingView view : calendar.bookings()) {
            Booking b = view.booking();
            ics.event(e -> e.value("UID", b.id() + "@booking.maillage")
                    .time("DTSTAMP", b.updatedAt())
                    .time("CREATED", b.createdAt())
                    .time("LAST-MODIFIED", b.updatedAt())
                    .value("SEQUENCE", Long.toString(b.version()))
                    .time("DTSTART", b.start())
                    .time("DTEND", b.end())
                    .text("SUMMARY", view.resourceName() + " – " + view.placeName())
                    .text("LOCATION", view.placeName() + ", " + view.placeAddress())
                    .text("DESCRIPTION", b.note())
                    .value("STATUS", b.isConfirmed() ? "CONFIRMED" : "CANCELLED")
                    .value("TRANSP", b.isConfirmed() ? "OPAQUE" : "TRANSPARENT"));
        }
        return ics.toBytes();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
