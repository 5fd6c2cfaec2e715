package fr.maillage.domain.hours;

import fr.maillage.domain.hours.HoursException.Closed;
import fr.maillage.domain.hours.HoursException.Special;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The opening hours of a place: a {@link WeeklySchedule}, dated {@link HoursException}s and whether it closes on
 * French public holidays, all in local dates and times of the network's {@code zone}.
 *
 * <p><b>Which hours apply on a date</b>, strongest first: a {@link Special} day (even inside a closed period or on a
 * holiday), a {@link Closed} period, a French public holiday when {@code closedOnPublicHolidays}, the weekly
 * schedule. Specials may not share a date and closed periods may not overlap ({@code hours.exception.duplicate-date},
 * {@code hours.exception.overlap}).
 *
 * <p><b>From local times to instants</b> (daylight-saving changes): a range becomes the shortest stretch of real time
 * holding every moment at which the place's clock shows a time of the range. Hence, in Europe/Paris:
 * <ul>
 * <li>Spring forward (the clock jumps from 02:00 to 03:00): a start or an end inside the skipped hour falls on the
 * jump (03:00 local). A range wholly inside it (02:00-03:00, 02:15-02:45) is never shown, lasts nothing and yields no
 * {@link Opening}; 01:00-04:00 lasts two real hours.</li>
 * <li>Fall back (the clock goes from 03:00 back to 02:00): a start inside the repeated hour takes the earlier offset
 * (its first showing), an end the later offset (its second showing), so 01:00-03:00 lasts three real hours and
 * 02:30-05:00 three and a half. An end at exactly 02:00 keeps the earlier offset: after its first showing the clock
 * shows no time of the range again. Two ranges of a date that then overlap, or touch, in real time become one
 * opening.</li>
 * <li>In a zone whose repeated hour straddles midnight, an opening that would overlap the previous date's last one is
 * cut to start at its end.</li>
 * </ul>
 * Zones without daylight-saving time (Indian/Reunion, America/Martinique) need none of this.
 *
 * <p>A place open until 24:00 and again from 00:00 stays open through midnight: {@link #nextOpening} and
 * {@link #currentClosing} look at continuous <em>periods</em> (openings that touch are one period), while
 * {@link #openingsBetween} lists the openings of each date.
 *
 * <p>Searches look at most {@value #HORIZON_DAYS} days ahead; instants must fall in years 1900 to 9998
 * ({@code hours.instant.out-of-range}), dates in years 1900 to 9999 ({@code hours.date.out-of-range}).
 */
public record OpeningHours(ZoneId zone, WeeklySchedule weekly, List<HoursException> exceptions,
        boolean closedOnPublicHolidays) {

    public static final int MAX_EXCEPTIONS = 200;
    /** How far {@link #nextOpening} and {@link #currentClosing} look ahead: two years. */
    public static final int HORIZON_DAYS = 731;
    public static final int MAX_SPAN_DAYS = 400;

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    public OpeningHours {
        Objects.requireNonNull(zone);
        Objects.requireNonNull(weekly);
        if (exceptions.size() > MAX_EXCEPTIONS) {
            throw new InvalidValueException("hours.exceptions.too-many", MAX_EXCEPTIONS);
        }
        List<HoursException> sorted = new ArrayList<>(exceptions);
        sorted.sort(Comparator.comparing(HoursException::firstDay).thenComparing(HoursException::lastDay)
                .thenComparing(e -> e instanceof Special));
        Set<LocalDate> specialDates = new HashSet<>();
        @Nullable Closed previous = null;
        for (HoursException exception : sorted) {
            switch (exception) {
                case Special s -> {
                    if (!specialDates.add(s.date())) {
                        throw new InvalidValueException("hours.exception.duplicate-date", s.date());
                    }
                }
                case Closed c -> {
                    if (previous != null && !c.from().isAfter(previous.to())) {
                        throw new InvalidValueException("hours.exception.overlap", previous.from(), previous.to(),
                                c.from(), c.to());
                    }
                    previous = c;
                }
            }
        }
        exceptions = List.copyOf(sorted);
    }

    /** Only the weekly schedule: no exception, open on public holidays. */
    public static OpeningHours of(ZoneId zone, WeeklySchedule weekly) {
        return new OpeningHours(zone, weekly, List.of(), false);
    }

    /** The hours of {@code date} as a person sees them, exceptions applied. */
    public DayHours day(LocalDate date) {
        checkDate(date);
        return dayUnchecked(date);
    }

    /** The ranges of {@code date}, exceptions applied; empty when closed. */
    public List<TimeRange> hoursOn(LocalDate date) {
        return day(date).ranges();
    }

    /** The seven days, from Monday, of the week holding {@code date}. */
    public WeekHours weekOf(LocalDate date) {
        checkDate(date);
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new WeekHours(monday, IntStream.range(0, 7).mapToObj(i -> dayUnchecked(monday.plusDays(i))).toList());
    }

    public boolean isOpenAt(Instant instant) {
        LocalDate date = localDate(instant);
        for (Opening o : openings(date.minusDays(1), date.plusDays(1))) {
            if (o.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the place next opens after {@code from}: the start of the first opening period that starts strictly after
     * it, whether the place is open at {@code from} or not (open at 10:00 until 17:00 and again tomorrow at 09:00:
     * tomorrow 09:00). An opening that only continues a period through midnight is no new opening. Empty when the
     * place does not open within {@value #HORIZON_DAYS} days.
     */
    public Optional<Instant> nextOpening(Instant from) {
        LocalDate date = localDate(from);
        @Nullable Instant previousEnd = null;
        for (Opening o : openings(date.minusDays(2), date.plusDays(HORIZON_DAYS))) {
            if (o.start().isAfter(from) && !o.start().equals(previousEnd)) {
                return Optional.of(o.start());
            }
            previousEnd = o.end();
        }
        return Optional.empty();
    }

    /**
     * When the place closes if it is open at {@code at}: the end of the opening period holding it, following openings
     * that touch through midnight (at most {@value #HORIZON_DAYS} days ahead: a place open round the clock gets the end
     * of the last opening looked at). Empty when closed at {@code at}.
     */
    public Optional<Instant> currentClosing(Instant at) {
        LocalDate date = localDate(at);
        @Nullable Instant closing = null;
        for (Opening o : openings(date.minusDays(1), date.plusDays(HORIZON_DAYS))) {
            if (closing == null && o.contains(at)) {
                closing = o.end();
            } else if (closing != null) {
                if (!o.start().equals(closing)) {
                    break;
                }
                closing = o.end();
            }
        }
        return Optional.ofNullable(closing);
    }

    /**
     * The openings that meet {@code [from, to)}, cut to it, in order: non-empty, not overlapping, and within a date
     * not touching either. At most {@value #MAX_SPAN_DAYS} days apart ({@code hours.span.too-long}); {@code to} may
     * not be before {@code from} ({@code hours.span.invalid}).
     */
    public List<Opening> openingsBetween(Instant from, Instant to) {
        LocalDate first = localDate(from);
        LocalDate last = localDate(to);
        if (to.isBefore(from)) {
            throw new InvalidValueException("hours.span.invalid", from, to);
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_SPAN_DAYS)) > 0) {
            throw new InvalidValueException("hours.span.too-long", MAX_SPAN_DAYS);
        }
        List<Opening> result = new ArrayList<>();
        for (Opening o : openings(first.minusDays(1), last.plusDays(1))) {
            if (o.end().isAfter(from) && o.start().isBefore(to) && from.isBefore(to)) {
                result.add(new Opening(later(o.start(), from), earlier(o.end(), to), o.date()));
            }
        }
        return List.copyOf(result);
    }

    private DayHours dayUnchecked(LocalDate date) {
        @Nullable Closed closed = null;
        for (HoursException exception : exceptions) {
            if (exception.firstDay().isAfter(date)) {
                break; // sorted by first day
            }
            switch (exception) {
                case Special s when s.date().equals(date) -> {
                    return new DayHours(date, s.ranges(), DayHours.Source.SPECIAL, s.label());
                }
                case Closed c when c.covers(date) -> closed = c;
                default -> {
                }
            }
        }
        if (closed != null) {
            return new DayHours(date, List.of(), DayHours.Source.CLOSED, closed.label());
        }
        if (closedOnPublicHolidays) {
            Optional<FrenchPublicHolidays.Holiday> holiday = FrenchPublicHolidays.on(date);
            if (holiday.isPresent()) {
                return new DayHours(date, List.of(), DayHours.Source.PUBLIC_HOLIDAY, holiday.get().frenchName());
            }
        }
        return new DayHours(date, weekly.on(date), DayHours.Source.WEEKLY, "");
    }

    /** The openings of the dates {@code first} to {@code last}, in order, computed as they are read. */
    private Iterable<Opening> openings(LocalDate first, LocalDate last) {
        return () -> new Iterator<>() {
            private LocalDate next = first;
            private @Nullable Opening previous;
            private final Deque<Opening> pending = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && !next.isAfter(last)) {
                    pending.addAll(openingsOf(next, previous));
                    previous = pending.isEmpty() ? previous : pending.getLast();
                    next = next.plusDays(1);
                }
                return !pending.isEmpty();
            }

            @Override
            public Opening next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.removeFirst();
            }
        };
    }

    /**
     * The openings of {@code date}, in order, disjoint from each other and from {@code previous} (the last opening of
     * the dates before).
     */
    private List<Opening> openingsOf(LocalDate date, @Nullable Opening previous) {
        List<Opening> result = new ArrayList<>();
        for (TimeRange range : dayUnchecked(date).ranges()) {
            Instant start = startInstant(range.startOn(date));
            Instant end = endInstant(range.endOn(date));
            if (!result.isEmpty() && !start.isAfter(result.getLast().end())) {
                // A clock change made two ranges of the date overlap or touch in real time: one opening.
                Opening last = result.getLast();
                result.set(result.size() - 1, new Opening(last.start(), later(last.end(), end), date));
                continue;
            }
            if (previous != null && start.isBefore(previous.end())) {
                start = previous.end(); // the previous date's opening ran past midnight into a repeated hour
            }
            if (start.isBefore(end)) { // else wholly inside a skipped hour
                result.add(new Opening(start, end, date));
            }
        }
        return result;
    }

    /** Where a range starting at {@code local} starts: on the jump over a skipped hour, or at a first showing. */
    private Instant startInstant(LocalDateTime local) {
        @Nullable ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return local.atZone(zone).toInstant();
        }
        return transition.isGap() ? transition.getInstant() : local.toInstant(transition.getOffsetBefore());
    }

    /**
     * Where a range ending at {@code local} ends: after a skipped hour, or at the second showing of a repeated one,
     * unless it ends right where the repeated hour begins (nothing of the range is shown again).
     */
    private Instant endInstant(LocalDateTime local) {
        @Nullable ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return local.atZone(zone).toInstant();
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        return local.toInstant(local.equals(transition.getDateTimeAfter()) ? transition.getOffsetBefore()
                : transition.getOffsetAfter());
    }

    private LocalDate localDate(Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidValueException("hours.instant.out-of-range", instant);
        }
        return LocalDate.ofInstant(instant, zone);
    }

    private static void checkDate(LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new InvalidValueException("hours.date.out-of-range", date);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
