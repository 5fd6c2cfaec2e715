package fr.maillage.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.hours.HoursException.Closed;
import fr.maillage.domain.hours.HoursException.Special;
import fr.maillage.domain.hours.Opening;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.TimeRange;
import fr.maillage.domain.hours.WeeklySchedule;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.DomainException;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of a booking's range, with La Serre (Monday and Tuesday 09:00-12:00 and 14:00-17:00 here, Thursday
 * 14:00-17:00, closed on public holidays, a summer closure) in Europe/Paris, and the two daylight-saving days of 2026
 * (29 March: 02:00 becomes 03:00; 25 October: 03:00 becomes 02:00).
 */
class BookingRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final WeeklySchedule WEEK = WeeklySchedule.parse(Map.of("MONDAY", List.of("09:00-12:00", "14:00-17:00"),
            "TUESDAY", List.of("09:00-12:00", "14:00-17:00"), "THURSDAY", List.of("14:00-17:00")));
    static final OpeningHours LA_SERRE = new OpeningHours(PARIS, WEEK,
            List.of(Closed.parse("2026-08-03", "2026-08-23", "Fermeture estivale")), true);
    /** Monday 2 March 2026, 08:00 in Serres. */
    static final Instant NOW = serres("2026-03-02T08:00");

    static Instant serres(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    // ------------------------------------------------------------------------------------------------- one bound

    @ParameterizedTest(name = "{0} is on a quarter hour: {1}")
    @CsvSource({"2026-03-02T09:00, true", "2026-03-02T09:15, true", "2026-03-02T09:45, true",
            "2026-03-02T09:10, false", "2026-03-02T09:14:59, false", "2026-03-02T09:00:00.001, false"})
    void starts_and_ends_fall_on_quarter_hours(String local, boolean ok) {
        Instant instant = serres(local);
        ThrowingCallable start = () -> BookingRules.checkStart(instant, NOW, PARIS);
        ThrowingCallable end = () -> BookingRules.checkEnd(instant, PARIS);
        if (ok) {
            assertThat(BookingRules.checkStart(instant, NOW, PARIS)).isEqualTo(instant);
            assertThat(BookingRules.checkEnd(instant, PARIS)).isEqualTo(instant);
        } else {
            assertCode(start, "booking.time.step");
            assertCode(end, "booking.time.step");
        }
    }

    @Test
    void a_quarter_hour_is_one_of_the_network_clock_even_in_a_zone_half_an_hour_off_utc() {
        ZoneId adelaide = ZoneId.of("Australia/Adelaide"); // UTC+9:30 or +10:30
        Instant local0915 = LocalDateTime.parse("2026-05-04T09:15").atZone(adelaide).toInstant();
        assertThat(BookingRules.checkEnd(local0915, adelaide)).isEqualTo(local0915);
    }

    @Test
    void a_start_is_not_in_the_past_but_the_quarter_hour_under_way_may_be_booked() {
        Instant now = serres("2026-03-02T09:07:30");
        assertThat(BookingRules.checkStart(serres("2026-03-02T09:00"), now, PARIS))
                .isEqualTo(serres("2026-03-02T09:00"));
        assertCode(() -> BookingRules.checkStart(serres("2026-03-02T08:45"), now, PARIS), "booking.start.past");
        assertCode(() -> BookingRules.checkStart(serres("2025-03-02T09:00"), now, PARIS), "booking.start.past");
    }

    @Test
    void a_start_is_less_than_a_year_ahead_in_the_network_calendar() {
        assertThat(BookingRules.checkStart(serres("2027-03-02T07:45"), NOW, PARIS)).isNotNull();
        InvalidValueException tooFar = catchInvalid(() -> BookingRules.checkStart(serres("2027-03-02T08:00"), NOW,
                PARIS));
        assertThat(tooFar.code()).isEqualTo("booking.start.too-far");
        assertThat(tooFar.arguments()).containsExactly(LocalDate.of(2027, 3, 2));
    }

    @Test
    void a_booking_ends_after_it_starts_and_lasts_at_most_twelve_hours_of_real_time() {
        Instant nine = serres("2026-03-02T09:00");
        BookingRules.checkLength(nine, nine.plus(Duration.ofHours(12)));
        assertCode(() -> BookingRules.checkLength(nine, nine), "booking.end.not-after-start");
        assertCode(() -> BookingRules.checkLength(nine, nine.minusSeconds(900)), "booking.end.not-after-start");
        InvalidValueException tooLong = catchInvalid(() -> BookingRules.checkLength(nine,
                nine.plus(Duration.ofHours(12).plusMinutes(15))));
        assertThat(tooLong.code()).isEqualTo("booking.too-long");
        assertThat(tooLong.arguments()).containsExactly(12L);
    }

    @Test
    void on_the_night_the_clocks_go_back_01_to_13_on_the_clock_is_thirteen_hours_too_long() {
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        Instant one = autumn.atTime(1, 0).atZone(PARIS).toInstant();
        Instant onePm = autumn.atTime(13, 0).atZone(PARIS).toInstant();
        assertThat(Duration.between(one, onePm)).isEqualTo(Duration.ofHours(13));
        assertCode(() -> BookingRules.checkLength(one, onePm), "booking.too-long");
        BookingRules.checkLength(autumn.atTime(2, 0).atZone(PARIS).toInstant(), onePm); // 12 real hours
    }

    // ------------------------------------------------------------------------------------------------ local times

    @Test
    void a_local_time_names_the_first_showing_of_a_repeated_hour_and_a_skipped_time_nothing() {
        assertThat(BookingRules.instantOf(LocalDateTime.parse("2026-03-02T09:00"), PARIS))
                .isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(BookingRules.instantOf(LocalDateTime.parse("2026-10-25T02:30"), PARIS))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        InvalidValueException skipped = catchInvalid(() -> BookingRules.instantOf(
                LocalDateTime.parse("2026-03-29T02:30"), PARIS));
        assertThat(skipped.code()).isEqualTo("booking.time.nonexistent");
        assertThat(skipped.arguments()).containsExactly("2026-03-29T02:30", "Europe/Paris");
        assertThat(BookingRules.instantOf(LocalDateTime.parse("2026-03-29T03:00"), PARIS))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    // ---------------------------------------------------------------------------------------------- opening hours

    @Test
    void a_booking_inside_one_opening_is_held_by_it_whole_openings_included() {
        Opening morning = BookingRules.openingHolding(LA_SERRE, "La Serre", serres("2026-03-02T09:00"),
                serres("2026-03-02T11:00"));
        assertThat(morning.start()).isEqualTo(serres("2026-03-02T09:00"));
        assertThat(morning.end()).isEqualTo(serres("2026-03-02T12:00"));
        assertThat(BookingRules.openingHolding(LA_SERRE, "La Serre", serres("2026-03-02T14:00"),
                serres("2026-03-02T17:00")).date()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void outside_hours_the_refusal_names_the_place_the_date_and_its_hours_that_day() {
        ConflictException lunch = catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre",
                serres("2026-03-02T11:00"), serres("2026-03-02T15:00")));
        assertThat(lunch.code()).isEqualTo("booking.outside-hours");
        assertThat(lunch.arguments()).containsExactly("La Serre", LocalDate.of(2026, 3, 2),
                "09:00-12:00, 14:00-17:00");
        ConflictException early = catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre",
                serres("2026-03-05T13:45"), serres("2026-03-05T15:00")));
        assertThat(early.arguments()).containsExactly("La Serre", LocalDate.of(2026, 3, 5), "14:00-17:00");
        ConflictException late = catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre",
                serres("2026-03-05T16:00"), serres("2026-03-05T17:15")));
        assertThat(late.code()).isEqualTo("booking.outside-hours");
    }

    @Test
    void on_a_closed_day_the_refusal_says_so_and_why_when_known() {
        ConflictException wednesday = catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre",
                serres("2026-03-04T10:00"), serres("2026-03-04T11:00")));
        assertThat(wednesday.code()).isEqualTo("booking.place.closed");
        assertThat(wednesday.arguments()).containsExactly("La Serre", LocalDate.of(2026, 3, 4));
        ConflictException easterMonday = catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre",
                serres("2026-04-06T10:00"), serres("2026-04-06T11:00")));
        assertThat(easterMonday.code()).isEqualTo("booking.place.closed-labelled");
        assertThat(easterMonday.arguments()).containsExactly("La Serre", LocalDate.of(2026, 4, 6), "Lundi de Pâques");
        ConflictException summer = catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre",
                serres("2026-08-10T10:00"), serres("2026-08-10T11:00")));
        assertThat(summer.arguments()).containsExactly("La Serre", LocalDate.of(2026, 8, 10), "Fermeture estivale");
    }

    @Test
    void a_booking_never_runs_over_midnight_even_where_the_place_stays_open() {
        OpeningHours allDay = OpeningHours.of(PARIS, WeeklySchedule.CLOSED
                .with(DayOfWeek.MONDAY, List.of(TimeRange.parse("00:00-24:00")))
                .with(DayOfWeek.TUESDAY, List.of(TimeRange.parse("00:00-24:00"))));
        assertThat(BookingRules.openingHolding(allDay, "Fab lab", serres("2026-03-02T20:00"),
                serres("2026-03-03T00:00")).date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(catchConflict(() -> BookingRules.openingHolding(allDay, "Fab lab", serres("2026-03-02T22:00"),
                serres("2026-03-03T02:00"))).code()).isEqualTo("booking.outside-hours");
    }

    @Test
    void on_the_day_the_clocks_jump_forward_an_opening_of_01_to_05_holds_three_real_hours() {
        LocalDate spring = LocalDate.of(2026, 3, 29);
        OpeningHours night = new OpeningHours(PARIS, WeeklySchedule.CLOSED,
                List.of(new Special(spring, List.of(TimeRange.parse("01:00-05:00")), "Nuit du code")), false);
        Instant one = Instant.parse("2026-03-29T00:00:00Z");  // 01:00 UTC+1
        Instant five = Instant.parse("2026-03-29T03:00:00Z"); // 05:00 UTC+2
        Opening opening = BookingRules.openingHolding(night, "Fab lab", one, five);
        assertThat(opening.duration()).isEqualTo(Duration.ofHours(3));
        BookingRules.checkStart(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-28T12:00:00Z"), PARIS);
        assertThat(catchConflict(() -> BookingRules.openingHolding(night, "Fab lab", one,
                Instant.parse("2026-03-29T03:15:00Z"))).arguments()).containsExactly("Fab lab", spring, "01:00-05:00");
    }

    @Test
    void on_the_night_the_clocks_go_back_both_showings_of_02_30_are_inside_an_opening_of_01_to_04() {
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        OpeningHours night = new OpeningHours(PARIS, WeeklySchedule.CLOSED,
                List.of(new Special(autumn, List.of(TimeRange.parse("01:00-04:00")), "Nuit du code")), false);
        Instant firstTwoThirty = Instant.parse("2026-10-25T00:30:00Z");  // 02:30 UTC+2
        Instant secondTwoThirty = Instant.parse("2026-10-25T01:30:00Z"); // 02:30 UTC+1
        Opening opening = BookingRules.openingHolding(night, "Fab lab", firstTwoThirty, secondTwoThirty);
        assertThat(opening.duration()).isEqualTo(Duration.ofHours(4));
        assertThat(BookingRules.checkEnd(secondTwoThirty, PARIS)).isEqualTo(secondTwoThirty);
        BookingRules.openingHolding(night, "Fab lab", Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-25T03:00:00Z"));
    }

    /**
     * Seeded random ranges over random weeks of La Serre, DST days included: a range is accepted exactly when one
     * opening of the place holds it, and then that opening is returned.
     */
    @Test
    void a_range_is_accepted_exactly_when_one_opening_holds_it() {
        Random random = new Random(20261025L);
        Instant base = serres("2026-03-23T00:00"); // the week before the clocks jump forward
        for (int i = 0; i < 5_000; i++) {
            Instant start = base.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 250)));
            Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(4 * 12))));
            List<Opening> around = LA_SERRE.openingsBetween(start.minus(Duration.ofDays(1)),
                    end.plus(Duration.ofDays(1)));
            boolean held = around.stream().anyMatch(o -> !o.start().isAfter(start) && !o.end().isBefore(end));
            if (held) {
                Opening opening = BookingRules.openingHolding(LA_SERRE, "La Serre", start, end);
                assertThat(opening.start()).as("%s-%s", start, end).isBeforeOrEqualTo(start);
                assertThat(opening.end()).as("%s-%s", start, end).isAfterOrEqualTo(end);
            } else {
                assertThat(catchConflict(() -> BookingRules.openingHolding(LA_SERRE, "La Serre", start, end)).code())
                        .as("%s-%s", start, end).isIn("booking.outside-hours", "booking.place.closed",
                                "booking.place.closed-labelled");
            }
        }
    }

    static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(code));
    }

    static InvalidValueException catchInvalid(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidValueException.class);
        return (InvalidValueException) thrown;
    }

    static ConflictException catchConflict(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ConflictException.class);
        return (ConflictException) thrown;
    }
}
