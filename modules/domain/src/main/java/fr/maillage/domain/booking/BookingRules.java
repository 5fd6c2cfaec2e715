package fr.maillage.domain.booking;

import fr.maillage.domain.hours.DayHours;
import fr.maillage.domain.hours.Opening;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.TimeRange;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * When a resource may be booked. A booking is a half-open range of real time {@code [start, end)}:
 * <ul>
 * <li>its start and its end fall on a quarter hour of the network's clock ({@value #STEP_MINUTES} minutes:
 * {@code booking.time.step});</li>
 * <li>it ends after it starts ({@code booking.end.not-after-start}) and lasts at most {@link #MAX_LENGTH} of real
 * time ({@code booking.too-long}): on the night the clocks go back, 01:00-04:00 lasts four hours;</li>
 * <li>it does not start in the past, the quarter hour under way excepted, so that at 09:07 the room one stands in
 * can be booked from 09:00 ({@code booking.start.past});</li>
 * <li>it starts less than {@link #HORIZON} ahead, in the network's calendar ({@code booking.start.too-far});</li>
 * <li>it lies wholly inside ONE opening of the place ({@link #openingHolding}): a booking cannot run over a lunch
 * break, nor over midnight even when the place stays open.</li>
 * </ul>
 * Two confirmed bookings of a resource never overlap; adjacent ones ({@code [9:00, 11:00)} and {@code [11:00,
 * 13:00)}) do not. The capacity of a resource does not matter: it is booked by one booking at a time.
 */
public final class BookingRules {

    public static final int STEP_MINUTES = 15;
    public static final Duration MAX_LENGTH = Duration.ofHours(12);
    public static final Period HORIZON = Period.ofYears(1);
    public static final int MAX_NOTE_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 500;

    private static final Duration AROUND = Duration.ofDays(2);

    private BookingRules() {
    }

    /**
     * The instant a local date-time of {@code zone} names. In the hour repeated when the clocks go back, the first
     * showing (the earlier offset); a time skipped when they jump forward names no instant
     * ({@code booking.time.nonexistent}).
     */
    public static Instant instantOf(LocalDateTime local, ZoneId zone) {
        @Nullable ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            throw new InvalidValueException("booking.time.nonexistent", local.toString(), zone.getId());
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }

    /** The rules of a start by itself: a quarter hour, not past, not too far. Returns it. */
    public static Instant checkStart(Instant start, Instant now, ZoneId zone) {
        checkStep(start, zone);
        if (start.isBefore(currentQuarter(now))) {
            throw new InvalidValueException("booking.start.past");
        }
        ZonedDateTime limit = now.atZone(zone).plus(HORIZON);
        if (!start.isBefore(limit.toInstant())) {
            throw new InvalidValueException("booking.start.too-far", limit.toLocalDate());
        }
        return start;
    }

    /** The rules of an end by itself: a quarter hour. Returns it. */
    public static Instant checkEnd(Instant end, ZoneId zone) {
        checkStep(end, zone);
        return end;
    }

    /** The rules across start and end: after the start, at most {@link #MAX_LENGTH}. */
    public static void checkLength(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new InvalidValueException("booking.end.not-after-start");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidValueException("booking.too-long", MAX_LENGTH.toHours());
        }
    }

    /** The start of the quarter hour holding {@code now} (every zone's offset is a whole number of quarter hours). */
    static Instant currentQuarter(Instant now) {
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, STEP_MINUTES * 60L));
    }

    private static void checkStep(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        if (local.getNano() != 0 || local.getSecond() != 0 || local.getMinute() % STEP_MINUTES != 0) {
            throw new InvalidValueException("booking.time.step", STEP_MINUTES);
        }
    }

    /**
     * The opening of the place (whole, not cut to the booking) that holds the whole of {@code [start, end)}.
     * Otherwise a {@link ConflictException} naming the place and its hours on the local date of the start:
     * {@code booking.place.closed} (place, date) when it is closed that day, {@code booking.place.closed-labelled}
     * (place, date, label: "Noël", "Vacances") when an exception or a holiday says why, else
     * {@code booking.outside-hours} (place, date, ranges such as "09:00-12:00, 14:00-17:00").
     */
    public static Opening openingHolding(OpeningHours hours, String placeName, Instant start, Instant end) {
        checkLength(start, end);
        // An opening lasts at most a day and an hour: two days either side hold it whole.
        for (Opening o : hours.openingsBetween(start.minus(AROUND), end.plus(AROUND))) {
            if (!o.start().isAfter(start) && !o.end().isBefore(end)) {
                return o;
            }
        }
        LocalDate date = LocalDate.ofInstant(start, hours.zone());
        DayHours day = hours.day(date);
        if (!day.isOpen()) {
            throw day.label().isEmpty() ? new ConflictException("booking.place.closed", placeName, date)
                    : new ConflictException("booking.place.closed-labelled", placeName, date, day.label());
        }
        throw new ConflictException("booking.outside-hours", placeName, date,
                day.ranges().stream().map(TimeRange::format).collect(Collectors.joining(", ")));
    }
}
