package fr.maillage.adapter.rest.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * Writes RFC 5545 calendars: UTF-8, CRLF line ends, content lines folded at 75 octets (never inside a UTF-8
 * character), TEXT values escaped (backslash, semicolon, comma, new lines), date-times as UTC instants
 * ({@code 20260302T080000Z}, seconds dropped below). Shared by the public openings of a place and the private feed
 * of a member's bookings.
 *
 * <pre>{@code
 * byte[] ics = ICalendar.of("-//Maillage//Réservations//FR", "PUBLISH", "Mes réservations", zone)
 *         .event(e -> e.value("UID", id + "@maillage").time("DTSTART", start).text("SUMMARY", "Salle du Lac"))
 *         .toBytes();
 * }</pre>
 */
public final class ICalendar {

    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final List<String> lines = new ArrayList<>();

    private ICalendar() {
    }

    /**
     * A calendar: {@code method} ({@code PUBLISH}; {@code null} for none, in which case each DTSTAMP says when its
     * event last changed), a display name and the time zone that calendar applications show it in
     * ({@code X-WR-CALNAME}, {@code X-WR-TIMEZONE}; the times themselves are UTC).
     */
    public static ICalendar of(String productId, @Nullable String method, String name, @Nullable ZoneId zone) {
        ICalendar calendar = new ICalendar();
        calendar.lines.addAll(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productId, "CALSCALE:GREGORIAN"));
        if (method != null) {
            calendar.lines.add("METHOD:" + method);
        }
        calendar.lines.add("X-WR-CALNAME:" + text(name));
        if (zone != null) {
            calendar.lines.add("X-WR-TIMEZONE:" + zone.getId());
        }
        return calendar;
    }

    /** Adds a VEVENT with the properties {@code body} writes, in order. */
    public ICalendar event(Consumer<Event> body) {
        lines.add("BEGIN:VEVENT");
        body.accept(new Event());
        lines.add("END:VEVENT");
        return this;
    }

    /** The calendar as bytes, closed. */
    public byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(fold(line)).append("\r\n");
        }
        out.append("END:VCALENDAR\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The properties of one event. */
    public final class Event {

        private Event() {
        }

        /** A property whose value is written as it is (UID, GEO, STATUS, TRANSP, SEQUENCE). */
        public Event value(String name, String value) {
            lines.add(name + ":" + value);
            return this;
        }

        /** A TEXT property (SUMMARY, LOCATION, DESCRIPTION), escaped; nothing when {@code value} is null or empty. */
        public Event text(String name, @Nullable String value) {
            if (value != null && !value.isEmpty()) {
                lines.add(name + ":" + ICalendar.text(value));
            }
            return this;
        }

        /** A DATE-TIME property in UTC. */
        public Event time(String name, Instant instant) {
            lines.add(name + ":" + utc(instant));
            return this;
        }
    }

    /** {@code 20260302T080000Z}. */
    public static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, and new lines as {@code \n}. */
    public static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\r", "\\n").replace("\n", "\\n");
    }

    /** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
    public static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
