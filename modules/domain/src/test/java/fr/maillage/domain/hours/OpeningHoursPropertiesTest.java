package fr.maillage.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.hours.HoursException.Closed;
import fr.maillage.domain.hours.HoursException.Special;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link OpeningHours} on seeded random hours, exceptions and instants (2025 to 2028), in zones with
 * and without daylight-saving time, with clock changes at 02:00, at midnight, and by half an hour. The expected
 * openings come from a brute-force model of the documented rule: a range is the shortest stretch of real time holding
 * every minute at which the place's clock shows one of its times.
 */
class OpeningHoursPropertiesTest {

    static final List<ZoneId> ZONES = List.of("Europe/Paris", "Europe/London", "America/New_York", "Australia/Sydney",
            "Australia/Lord_Howe", "America/Santiago", "Asia/Beirut", "Indian/Reunion", "America/Martinique")
            .stream().map(ZoneId::of).toList();
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    static final int DAYS = 4 * 365;
    static final Duration DAY = Duration.ofDays(1);

    // ---------------------------------------------------------------- generators

    /** Up to three ranges, often in the small hours (where clocks change) or against midnight. */
    static List<TimeRange> randomDay(Random random, int minCount) {
        int count = Math.max(minCount, random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(3));
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < 2 * count) {
            points.add(switch (random.nextInt(5)) {
                case 0 -> random.nextInt(97) * 15;
                case 1 -> random.nextInt(17) * 15; // 00:00 to 04:00
                case 2 -> random.nextBoolean() ? 0 : TimeRange.END_OF_DAY;
                case 3 -> random.nextInt(TimeRange.END_OF_DAY + 1);
                default -> (6 + random.nextInt(14)) * 60; // office hours
            });
        }
        List<Integer> sorted = new ArrayList<>(points);
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += 2) {
            ranges.add(new TimeRange(sorted.get(i), sorted.get(i + 1)));
        }
        return ranges;
    }

    /** The clock changes of the zone from 2025 to 2028. */
    static List<ZoneOffsetTransition> transitions(ZoneId zone) {
        List<ZoneOffsetTransition> found = new ArrayList<>();
        Instant end = FIRST_DAY.plusDays(DAYS).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition t = zone.getRules().nextTransition(FIRST_DAY.atStartOfDay(zone).toInstant());
        while (t != null && t.getInstant().isBefore(end)) {
            found.add(t);
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return found;
    }

    /** A date, one time in three the day of a clock change or the day before it. */
    static LocalDate randomDate(Random random, ZoneId zone) {
        List<ZoneOffsetTransition> changes = transitions(zone);
        if (!changes.isEmpty() && random.nextInt(3) == 0) {
            ZoneOffsetTransition t = changes.get(random.nextInt(changes.size()));
            return t.getDateTimeBefore().toLocalDate().minusDays(random.nextInt(2));
        }
        return FIRST_DAY.plusDays(random.nextInt(DAYS));
    }

    static OpeningHours randomHours(Random random, boolean withExceptions) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        boolean onlyOnSpecialDays = random.nextInt(12) == 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, onlyOnSpecialDays ? List.of() : randomDay(random, 0));
        }
        OpeningHours hours = new OpeningHours(zone, new WeeklySchedule(days), List.of(),
                withExceptions && random.nextBoolean());
        int exceptions = withExceptions ? random.nextInt(8) : 0;
        for (int i = 0; i < exceptions; i++) {
            LocalDate date = randomDate(random, zone);
            HoursException exception = random.nextBoolean()
                    ? new Closed(date, date.plusDays(random.nextInt(20)), "Fermé " + i)
                    : new Special(date, randomDay(random, 1), "Spécial " + i);
            List<HoursException> more = new ArrayList<>(hours.exceptions());
            more.add(exception);
            try {
                hours = new OpeningHours(zone, hours.weekly(), more, hours.closedOnPublicHolidays());
            } catch (InvalidValueException clash) {
                assertThat(clash.code()).isIn("hours.exception.overlap", "hours.exception.duplicate-date");
            }
        }
        return hours;
    }

    /** Anywhere, near a clock change, near a local midnight, or on (or a nanosecond off) an opening's edge. */
    static Instant randomInstant(Random random, OpeningHours hours) {
        ZoneId zone = hours.zone();
        List<ZoneOffsetTransition> changes = transitions(zone);
        switch (random.nextInt(4)) {
            case 0:
                if (!changes.isEmpty()) {
                    return changes.get(random.nextInt(changes.size())).getInstant()
                            .plus(random.nextInt(6 * 60) - 3 * 60, ChronoUnit.MINUTES);
                }
                break;
            case 1:
                return randomDate(random, zone).atStartOfDay(zone).toInstant()
                        .plus(random.nextInt(4 * 60) - 2 * 60, ChronoUnit.MINUTES);
            case 2:
                Instant around = randomDate(random, zone).atStartOfDay(zone).toInstant();
                List<Opening> near = hours.openingsBetween(around.minus(DAY), around.plus(DAY.multipliedBy(2)));
                if (!near.isEmpty()) {
                    Opening o = near.get(random.nextInt(near.size()));
                    return (random.nextBoolean() ? o.start() : o.end()).plusNanos(random.nextInt(3) - 1);
                }
                break;
            default:
                break;
        }
        return FIRST_DAY.atStartOfDay(zone).toInstant().plusSeconds(random.nextLong(DAYS * 86_400L));
    }

    // ---------------------------------------------------------------- the brute-force model

    /** The stretch of real time, minute by minute, during which the clock shows a time of {@code range} on {@code date}. */
    static Optional<Opening> shown(ZoneId zone, LocalDate date, TimeRange range) {
        LocalDateTime start = range.startOn(date);
        LocalDateTime end = range.endOn(date);
        Instant first = null;
        Instant last = null;
        Instant t = start.atZone(zone).toInstant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        Instant stop = end.atZone(zone).toInstant().plus(Duration.ofHours(3));
        for (; t.isBefore(stop); t = t.plus(Duration.ofMinutes(1))) {
            LocalDateTime clock = LocalDateTime.ofInstant(t, zone);
            if (!clock.isBefore(start) && clock.isBefore(end)) {
                first = first == null ? t : first;
                last = t;
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Opening(first, last.plus(Duration.ofMinutes(1)), date));
    }

    /** The openings of the dates {@code first} to {@code last} by the model, made disjoint as documented. */
    static List<Opening> model(OpeningHours hours, LocalDate first, LocalDate last) {
        List<Opening> result = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            int ofDate = 0;
            for (TimeRange range : hours.hoursOn(date)) {
                Optional<Opening> shown = shown(hours.zone(), date, range);
                if (shown.isEmpty()) {
                    continue;
                }
                Opening o = shown.get();
                Opening previous = result.isEmpty() ? null : result.getLast();
                if (ofDate > 0 && !o.start().isAfter(previous.end())) {
                    result.set(result.size() - 1, new Opening(previous.start(),
                            o.end().isAfter(previous.end()) ? o.end() : previous.end(), date));
                } else if (previous != null && o.start().isBefore(previous.end())) {
                    if (previous.end().isBefore(o.end())) {
                        result.add(new Opening(previous.end(), o.end(), date));
                        ofDate++;
                    }
                } else {
                    result.add(o);
                    ofDate++;
                }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- properties

    @Test
    void openings_are_sorted_disjoint_non_empty_within_their_date_and_as_the_model_says() {
        Random random = new Random(20260329L);
        int openingsSeen = 0;
        int shiftedSeen = 0;
        for (int i = 0; i < 400; i++) {
            OpeningHours hours = randomHours(random, true);
            Instant from = randomInstant(random, hours);
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
            List<Opening> openings = hours.openingsBetween(from, to);

            List<Opening> expected = new ArrayList<>();
            for (Opening o : model(hours, LocalDate.ofInstant(from, hours.zone()).minusDays(2),
                    LocalDate.ofInstant(to, hours.zone()).plusDays(1))) {
                if (o.end().isAfter(from) && o.start().isBefore(to)) {
                    expected.add(new Opening(o.start().isBefore(from) ? from : o.start(),
                            o.end().isAfter(to) ? to : o.end(), o.date()));
                }
            }
            assertThat(openings).as("case %d: %s from %s to %s", i, hours, from, to).isEqualTo(expected);

            for (int k = 0; k < openings.size(); k++) {
                Opening o = openings.get(k);
                assertThat(o.start()).isBefore(o.end());
                assertThat(o.start()).isAfterOrEqualTo(from);
                assertThat(o.end()).isBeforeOrEqualTo(to);
                // within the real span of its local date: from its 00:00 to the next day's 00:00
                assertThat(o.start()).isAfterOrEqualTo(o.date().atStartOfDay(hours.zone()).toInstant().minus(
                        Duration.ofHours(1)));
                assertThat(o.end()).isBeforeOrEqualTo(o.date().plusDays(1).atStartOfDay(hours.zone()).toInstant()
                        .plus(Duration.ofHours(1)));
                assertThat(hours.hoursOn(o.date())).isNotEmpty();
                if (k > 0) {
                    Opening previous = openings.get(k - 1);
                    assertThat(previous.end()).isBeforeOrEqualTo(o.start());
                    assertThat(previous.date()).isBeforeOrEqualTo(o.date());
                    if (previous.date().equals(o.date())) {
                        assertThat(previous.end()).as("same date: apart").isBefore(o.start());
                    }
                }
                LocalDate date = o.date();
                shiftedSeen += transitions(hours.zone()).stream()
                        .anyMatch(t -> ChronoUnit.DAYS.between(t.getDateTimeBefore().toLocalDate(), date) == 0) ? 1 : 0;
            }
            openingsSeen += openings.size();
        }
        assertThat(openingsSeen).as("the generator makes openings").isGreaterThan(300);
        assertThat(shiftedSeen).as("... on clock-change days too").isGreaterThan(30);
    }

    @Test
    void open_at_an_instant_exactly_when_an_opening_around_it_holds_it() {
        Random random = new Random(20261025L);
        int open = 0;
        int closed = 0;
        for (int i = 0; i < 300; i++) {
            OpeningHours hours = randomHours(random, true);
            for (int j = 0; j < 5; j++) {
                Instant t = randomInstant(random, hours);
                boolean held = hours.openingsBetween(t.minus(DAY), t.plus(DAY)).stream().anyMatch(o -> o.contains(t));
                assertThat(hours.isOpenAt(t)).as("%s at %s", hours, t).isEqualTo(held);
                assertThat(hours.currentClosing(t).isPresent()).as("closing known exactly when open")
                        .isEqualTo(held);
                if (held) {
                    open++;
                } else {
                    closed++;
                }
            }
        }
        assertThat(open).isGreaterThan(100);
        assertThat(closed).isGreaterThan(100);
    }

    @Test
    void the_next_opening_is_the_first_start_after_a_closed_moment_and_nothing_opens_before_it() {
        Random random = new Random(5_05_2026L);
        int found = 0;
        int none = 0;
        for (int i = 0; i < 300; i++) {
            OpeningHours hours = randomHours(random, true);
            Instant t = randomInstant(random, hours);
            Optional<Instant> next = hours.nextOpening(t);
            Instant horizon = t.plus(Duration.ofDays(OpeningHours.MAX_SPAN_DAYS - 1));
            Instant checkedUntil = next.filter(n -> n.isBefore(horizon)).orElse(horizon);
            List<Opening> before = hours.openingsBetween(t.minus(DAY), checkedUntil);
            for (int k = 0; k < before.size(); k++) {
                Opening o = before.get(k);
                if (o.start().isAfter(t)) {
                    assertThat(k > 0 && before.get(k - 1).end().equals(o.start()))
                            .as("%s: %s opens before the next opening %s", hours, o, next).isTrue();
                }
            }
            if (next.isPresent()) {
                Instant n = next.get();
                assertThat(n).isAfter(t);
                assertThat(hours.isOpenAt(n)).isTrue();
                assertThat(hours.isOpenAt(n.minusNanos(1))).as("closed just before it opens").isFalse();
                assertThat(hours.openingsBetween(n.minus(DAY), n.plus(DAY))).extracting(Opening::start).contains(n);
                found++;
            } else {
                none++;
            }
        }
        assertThat(found).isGreaterThan(200);
        assertThat(none).as("some hours never open").isPositive();
    }

    @Test
    void the_current_closing_ends_an_unbroken_stretch_of_openings() {
        Random random = new Random(14_07_2026L);
        int checked = 0;
        for (int i = 0; i < 1000 && checked < 150; i++) {
            OpeningHours hours = randomHours(random, true);
            Instant t = randomInstant(random, hours);
            Optional<Instant> closing = hours.currentClosing(t);
            if (closing.isEmpty()) {
                continue;
            }
            Instant c = closing.get();
            assertThat(c).isAfter(t);
            assertThat(hours.isOpenAt(c)).as("%s closes at %s", hours, c).isFalse();
            assertThat(hours.isOpenAt(c.minusNanos(1))).isTrue();
            List<Opening> stretch = hours.openingsBetween(t, c);
            assertThat(stretch.getFirst().start()).isEqualTo(t);
            assertThat(stretch.getLast().end()).isEqualTo(c);
            for (int k = 1; k < stretch.size(); k++) {
                assertThat(stretch.get(k).start()).isEqualTo(stretch.get(k - 1).end());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(150);
    }

    /**
     * A week's opening time is the sum of its ranges' lengths, but on the day of a clock change: a range spanning a
     * skipped hour loses it (a range partly in it loses that part), a range meeting a repeated hour gains it.
     */
    @Test
    void a_week_lasts_the_sum_of_its_ranges_but_for_the_clock_change() {
        Random random = new Random(1_11_2026L);
        int changeDays = 0;
        int spanning = 0;
        int merged = 0;
        for (int i = 0; i < 400; i++) {
            OpeningHours hours = randomHours(random, false);
            ZoneId zone = hours.zone();
            List<ZoneOffsetTransition> changes = transitions(zone);
            LocalDate day = changes.isEmpty() || random.nextBoolean() ? randomDate(random, zone)
                    : changes.get(random.nextInt(changes.size())).getDateTimeBefore().toLocalDate();
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<Opening> openings = hours.openingsBetween(monday.minusDays(1).atStartOfDay(zone).toInstant(),
                    monday.plusDays(8).atStartOfDay(zone).toInstant());
            Duration weekReal = Duration.ZERO;
            Duration weekNominal = Duration.ZERO;
            for (LocalDate date = monday; date.isBefore(monday.plusDays(7)); date = date.plusDays(1)) {
                LocalDate current = date;
                List<Opening> ofDay = openings.stream().filter(o -> o.date().equals(current)).toList();
                Duration real = ofDay.stream().map(Opening::duration).reduce(Duration.ZERO, Duration::plus);
                Duration expected = Duration.ZERO;
                int nonEmptyRanges = 0;
                boolean changeDay = false;
                for (TimeRange range : hours.hoursOn(date)) {
                    LocalDateTime start = range.startOn(date);
                    LocalDateTime end = range.endOn(date);
                    Duration length = range.length();
                    for (ZoneOffsetTransition t : transitions(zone)) {
                        LocalDateTime lo = t.isGap() ? t.getDateTimeBefore() : t.getDateTimeAfter();
                        LocalDateTime hi = t.isGap() ? t.getDateTimeAfter() : t.getDateTimeBefore();
                        if (!start.isBefore(hi) || !end.isAfter(lo)) {
                            continue;
                        }
                        changeDay = true;
                        if (!start.isAfter(lo) && !end.isBefore(hi)) {
                            spanning++;
                            // spans it whole: exactly the clock change, an hour less in spring, more in autumn
                            length = length.minus(t.getDuration());
                        } else if (t.isGap()) {
                            LocalDateTime a = start.isAfter(lo) ? start : lo;
                            LocalDateTime b = end.isBefore(hi) ? end : hi;
                            length = length.minus(Duration.between(a, b));
                        } else {
                            length = length.minus(t.getDuration());
                        }
                    }
                    expected = expected.plus(length);
                    weekNominal = weekNominal.plus(range.length());
                    nonEmptyRanges += length.isPositive() ? 1 : 0;
                }
                if (!changeDay) {
                    assertThat(real).as("%s on %s", hours, date)
                            .isEqualTo(hours.hoursOn(date).stream().map(TimeRange::length)
                                    .reduce(Duration.ZERO, Duration::plus));
                } else {
                    changeDays++;
                }
                if (ofDay.size() == nonEmptyRanges) {
                    assertThat(real).as("%s on %s", hours, date).isEqualTo(expected);
                } else {
                    merged++;
                    assertThat(ofDay.size()).isLessThan(nonEmptyRanges);
                    assertThat(real).as("merged openings count shared time once").isLessThan(expected);
                }
                weekReal = weekReal.plus(real);
            }
            if (transitions(zone).stream().noneMatch(t -> !t.getDateTimeBefore().toLocalDate().isBefore(
                    monday.minusDays(1)) && t.getDateTimeBefore().toLocalDate().isBefore(monday.plusDays(8)))) {
                assertThat(weekReal).as("a week without clock change").isEqualTo(weekNominal);
            }
        }
        assertThat(changeDays).as("clock-change days met").isGreaterThan(50);
        assertThat(spanning).as("ranges spanning a clock change met").isGreaterThan(30);
        assertThat(merged).as("merges are rare").isLessThan(changeDays);
    }
}
