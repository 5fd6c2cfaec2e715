package fr.maillage.application.booking.port.in;

import fr.maillage.application.shared.Fields;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The stretch of time a list of bookings covers, {@code [from, to)}: the bookings that meet it. Bounds are read by
 * {@link BookingCommand#bound}: an ISO date-time with or without offset, or a date for the start of that day in the
 * network's zone ({@code to=2026-03-09}: up to the start of 9 March).
 */
public record BookingWindowCriteria(Instant from, @Nullable Instant to) {

    /** How long a resource's agenda may be at most. */
    public static final Duration MAX_AGENDA = Duration.ofDays(62);
    /** The agenda's length when {@code to} is not given. */
    public static final Duration DEFAULT_AGENDA = Duration.ofDays(7);

    /** A resource's agenda: from the start of today (default) for a week (default), at most 62 days. */
    public static BookingWindowCriteria agenda(@Nullable String rawFrom, @Nullable String rawTo, ZoneId zone,
            Instant now) {
        Fields fields = new Fields();
        Instant from = fields.optional("from", rawFrom, f -> BookingCommand.bound(f, zone));
        Instant to = fields.optional("to", rawTo, t -> BookingCommand.bound(t, zone));
        fields.throwIfInvalid();
        Instant start = from != null ? from : LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Instant end = to != null ? to : start.plus(DEFAULT_AGENDA);
        checkOrder(start, end);
        if (Duration.between(start, end).compareTo(MAX_AGENDA) > 0) {
            reject("to", "booking.window.too-long", MAX_AGENDA.toDays());
        }
        return new BookingWindowCriteria(start, end);
    }

    /** A member's bookings: those still to end (default), or from a given bound; no end unless given. */
    public static BookingWindowCriteria mine(@Nullable String rawFrom, @Nullable String rawTo, ZoneId zone,
            Instant now) {
        Fields fields = new Fields();
        Instant from = fields.optional("from", rawFrom, f -> BookingCommand.bound(f, zone));
        Instant to = fields.optional("to", rawTo, t -> BookingCommand.bound(t, zone));
        fields.throwIfInvalid();
        Instant start = from != null ? from : now;
        if (to != null) {
            checkOrder(start, to);
        }
        return new BookingWindowCriteria(start, to);
    }

    private static void checkOrder(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            reject("to", "booking.window.invalid");
        }
    }

    private static void reject(String field, String code, Object... arguments) {
        Fields fields = new Fields();
        fields.reject(field, code, arguments);
        fields.throwIfInvalid();
    }
}
