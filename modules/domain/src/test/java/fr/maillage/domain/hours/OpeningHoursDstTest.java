package fr.maillage.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.hours.HoursException.Special;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Daylight-saving changes, on the real dates of 2026: in Europe/Paris the clocks jump from 02:00 to 03:00 on 29 March
 * (UTC+1 to UTC+2, at 01:00Z) and go back from 03:00 to 02:00 on 25 October (UTC+2 to UTC+1, at 01:00Z).
 */
class OpeningHoursDstTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

    /** A place open only on {@code date}, with the given ranges. */
    static OpeningHours openOnlyOn(ZoneId zone, LocalDate date, String... ranges) {
        return new OpeningHours(zone, WeeklySchedule.CLOSED,
                List.of(new Special(date, List.of(ranges).stream().map(TimeRange::parse).toList(), "")), false);
    }

    static List<Opening> openingsAround(OpeningHours hours, LocalDate date) {
        return hours.openingsBetween(date.minusDays(1).atStartOfDay(hours.zone()).toInstant(),
                date.plusDays(2).atStartOfDay(hours.zone()).toInstant());
    }

    static Opening opening(String start, String end, LocalDate date) {
        return new Opening(Instant.parse(start), Instant.parse(end), date);
    }

    @ParameterizedTest(name = "autumn {0} is {1} to {2}")
    @CsvSource({
            "01:00-03:00, 2026-10-24T23:00:00Z, 2026-10-25T02:00:00Z, PT3H",  // the repeated hour counts
            "02:30-05:00, 2026-10-25T00:30:00Z, 2026-10-25T04:00:00Z, PT3H30M", // start at the first 02:30
            "01:00-02:30, 2026-10-24T23:00:00Z, 2026-10-25T01:30:00Z, PT2H30M", // end at the second 02:30
            "02:15-02:45, 2026-10-25T00:15:00Z, 2026-10-25T01:45:00Z, PT1H30M", // first 02:15 to second 02:45
            "01:00-02:00, 2026-10-24T23:00:00Z, 2026-10-25T00:00:00Z, PT1H",  // ends where the repetition begins
            "02:00-03:00, 2026-10-25T00:00:00Z, 2026-10-25T02:00:00Z, PT2H",  // the whole repeated hour, twice
            "03:00-04:00, 2026-10-25T02:00:00Z, 2026-10-25T03:00:00Z, PT1H",  // after: plain winter time
            "00:00-24:00, 2026-10-24T22:00:00Z, 2026-10-25T23:00:00Z, PT25H"})
    void when_the_clocks_go_back_a_range_holds_every_moment_the_clock_shows_one_of_its_times(String range,
            Instant start, Instant end, Duration length) {
        List<Opening> openings = openingsAround(openOnlyOn(PARIS, AUTUMN, range), AUTUMN);
        assertThat(openings).containsExactly(new Opening(start, end, AUTUMN));
        assertThat(openings.getFirst().duration()).isEqualTo(length);
    }

    @ParameterizedTest(name = "spring {0} is {1} to {2}")
    @CsvSource({
            "01:00-04:00, 2026-03-29T00:00:00Z, 2026-03-29T02:00:00Z, PT2H",  // the skipped hour does not count
            "02:30-05:00, 2026-03-29T01:00:00Z, 2026-03-29T03:00:00Z, PT2H",  // starts at the jump, 03:00
            "01:00-02:30, 2026-03-29T00:00:00Z, 2026-03-29T01:00:00Z, PT1H",  // ends at the jump
            "00:00-24:00, 2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z, PT23H"})
    void when_the_clocks_jump_forward_the_skipped_times_fall_on_the_jump(String range, Instant start, Instant end,
            Duration length) {
        List<Opening> openings = openingsAround(openOnlyOn(PARIS, SPRING, range), SPRING);
        assertThat(openings).containsExactly(new Opening(start, end, SPRING));
        assertThat(openings.getFirst().duration()).isEqualTo(length);
    }

    @ParameterizedTest
    @CsvSource({"02:00-03:00", "02:15-02:45", "02:00-02:01"})
    void a_range_inside_the_skipped_hour_is_never_open_though_it_is_still_shown(String range) {
        OpeningHours hours = openOnlyOn(PARIS, SPRING, range);
        assertThat(openingsAround(hours, SPRING)).isEmpty();
        assertThat(hours.hoursOn(SPRING)).as("what people typed is what they see")
                .containsExactly(TimeRange.parse(range));
        assertThat(hours.isOpenAt(Instant.parse("2026-03-29T01:00:00Z"))).isFalse();
        assertThat(hours.nextOpening(Instant.parse("2026-03-28T12:00:00Z"))).isEmpty();
    }

    @Test
    void two_ranges_that_the_repeated_hour_makes_overlap_become_one_opening() {
        OpeningHours hours = openOnlyOn(PARIS, AUTUMN, "01:00-02:10", "02:20-04:00");
        assertThat(openingsAround(hours, AUTUMN))
                .containsExactly(opening("2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z", AUTUMN));
        assertThat(hours.nextOpening(Instant.parse("2026-10-25T00:00:00Z"))).as("02:20 is no new opening").isEmpty();
    }

    @Test
    void two_ranges_that_the_skipped_hour_makes_touch_become_one_opening() {
        OpeningHours hours = openOnlyOn(PARIS, SPRING, "01:00-02:10", "02:20-05:00");
        assertThat(openingsAround(hours, SPRING))
                .containsExactly(opening("2026-03-29T00:00:00Z", "2026-03-29T03:00:00Z", SPRING));
        assertThat(hours.currentClosing(Instant.parse("2026-03-29T00:30:00Z")))
                .contains(Instant.parse("2026-03-29T03:00:00Z"));
    }

    @Test
    void open_now_and_next_opening_around_the_repeated_hour() {
        OpeningHours hours = openOnlyOn(PARIS, AUTUMN, "02:15-02:45");
        assertThat(hours.isOpenAt(Instant.parse("2026-10-25T00:14:59Z"))).isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-10-25T00:15:00Z"))).as("the first 02:15").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-10-25T00:50:00Z"))).as("the first 02:50: one stretch").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-10-25T01:44:59Z"))).as("the second 02:44").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-10-25T01:45:00Z"))).as("the second 02:45").isFalse();
        assertThat(hours.nextOpening(Instant.parse("2026-10-24T12:00:00Z")))
                .contains(Instant.parse("2026-10-25T00:15:00Z"));
        assertThat(hours.currentClosing(Instant.parse("2026-10-25T01:20:00Z")))
                .contains(Instant.parse("2026-10-25T01:45:00Z"));
    }

    @Test
    void the_next_opening_inside_the_skipped_hour_is_the_jump() {
        OpeningHours hours = openOnlyOn(PARIS, SPRING, "02:30-05:00");
        assertThat(hours.nextOpening(Instant.parse("2026-03-29T00:59:59Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(hours.isOpenAt(Instant.parse("2026-03-29T00:59:59Z"))).as("01:59:59, before the jump").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-03-29T01:00:00Z"))).as("03:00, after the jump").isTrue();
    }

    @Test
    void the_same_hours_in_reunion_and_martinique_never_shift() {
        for (String zone : List.of("Indian/Reunion", "America/Martinique")) {
            OpeningHours laSerreOverseas = OpeningHours.of(ZoneId.of(zone), WeeklyScheduleTest.LA_SERRE);
            int offsetHours = ZoneId.of(zone).getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z"))
                    .getTotalSeconds() / 3600;
            for (LocalDate thursday : List.of(LocalDate.of(2026, 1, 8), LocalDate.of(2026, 3, 26),
                    LocalDate.of(2026, 4, 2), LocalDate.of(2026, 7, 2), LocalDate.of(2026, 10, 22),
                    LocalDate.of(2026, 10, 29))) {
                Instant wednesdayNoon = thursday.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
                assertThat(laSerreOverseas.nextOpening(wednesdayNoon)).as("%s %s", zone, thursday)
                        .contains(thursday.atTime(14, 0).minusHours(offsetHours).toInstant(ZoneOffset.UTC));
            }
            Instant monday = LocalDateTime.parse("2026-10-19T00:00").atZone(ZoneId.of(zone)).toInstant();
            assertThat(weekHours(laSerreOverseas, monday)).isEqualTo(Duration.ofHours(19));
        }
        assertThat(ZoneId.of("Indian/Reunion").getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z")).getId())
                .isEqualTo("+04:00");
        assertThat(ZoneId.of("America/Martinique").getRules().getOffset(Instant.parse("2026-01-01T00:00:00Z")).getId())
                .isEqualTo("-04:00");
    }

    @Test
    void round_the_clock_the_week_of_a_clock_change_is_an_hour_longer_or_shorter_but_not_in_reunion() {
        WeeklySchedule always = WeeklySchedule.CLOSED;
        for (DayOfWeek day : DayOfWeek.values()) {
            always = always.with(day, List.of(TimeRange.parse("00:00-24:00")));
        }
        ZoneId reunion = ZoneId.of("Indian/Reunion");
        assertThat(weekHours(OpeningHours.of(PARIS, always), monday(PARIS, "2026-10-19")))
                .isEqualTo(Duration.ofHours(169));
        assertThat(weekHours(OpeningHours.of(PARIS, always), monday(PARIS, "2026-03-23")))
                .isEqualTo(Duration.ofHours(167));
        assertThat(weekHours(OpeningHours.of(PARIS, always), monday(PARIS, "2026-06-15")))
                .isEqualTo(Duration.ofHours(168));
        assertThat(weekHours(OpeningHours.of(reunion, always), monday(reunion, "2026-10-19")))
                .isEqualTo(Duration.ofHours(168));
    }

    @Test
    void the_zone_decides_when_the_clocks_change() {
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDate novemberFirst = LocalDate.of(2026, 11, 1); // clocks go back in New York, not in Paris
        assertThat(openingsAround(openOnlyOn(newYork, novemberFirst, "01:00-03:00"), novemberFirst))
                .extracting(Opening::duration).containsExactly(Duration.ofHours(3));
        assertThat(openingsAround(openOnlyOn(PARIS, novemberFirst, "01:00-03:00"), novemberFirst))
                .extracting(Opening::duration).containsExactly(Duration.ofHours(2));
        assertThat(openingsAround(openOnlyOn(newYork, AUTUMN, "01:00-03:00"), AUTUMN))
                .extracting(Opening::duration).containsExactly(Duration.ofHours(2));
    }

    @Test
    void lord_howe_island_moves_its_clocks_by_half_an_hour() {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        LocalDate back = LocalDate.of(2026, 4, 5);   // 02:00 back to 01:30
        LocalDate forward = LocalDate.of(2026, 10, 4); // 02:00 forward to 02:30
        assertThat(openingsAround(openOnlyOn(lordHowe, back, "01:00-03:00"), back))
                .extracting(Opening::duration).containsExactly(Duration.ofMinutes(150));
        assertThat(openingsAround(openOnlyOn(lordHowe, forward, "01:00-03:00"), forward))
                .extracting(Opening::duration).containsExactly(Duration.ofMinutes(90));
        assertThat(openingsAround(openOnlyOn(lordHowe, forward, "02:00-02:30"), forward)).isEmpty();
    }

    @Test
    void where_the_clocks_jump_at_midnight_the_day_starts_at_one() {
        ZoneId beirut = ZoneId.of("Asia/Beirut");
        LocalDate jump = LocalDate.of(2026, 3, 29); // 00:00 forward to 01:00
        List<Opening> openings = openingsAround(openOnlyOn(beirut, jump, "00:00-02:00"), jump);
        assertThat(openings).containsExactly(new Opening(LocalDateTime.parse("2026-03-29T01:00").atZone(beirut)
                .toInstant(), LocalDateTime.parse("2026-03-29T02:00").atZone(beirut).toInstant(), jump));
    }

    static Instant monday(ZoneId zone, String date) {
        return LocalDate.parse(date).atStartOfDay(zone).toInstant();
    }

    static Duration weekHours(OpeningHours hours, Instant monday) {
        Instant nextMonday = LocalDate.ofInstant(monday, hours.zone()).plusDays(7).atStartOfDay(hours.zone())
                .toInstant();
        return hours.openingsBetween(monday, nextMonday).stream().map(Opening::duration)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
