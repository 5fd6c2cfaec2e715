package fr.maillage.domain.hours;

import static fr.maillage.domain.hours.LaSerreOpeningHoursTest.LA_SERRE;
import static fr.maillage.domain.hours.LaSerreOpeningHoursTest.PARIS;
import static fr.maillage.domain.hours.LaSerreOpeningHoursTest.serres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.hours.HoursException.Closed;
import fr.maillage.domain.hours.HoursException.Special;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@link OpeningHours} that are not about La Serre's life or clock changes. */
class OpeningHoursTest {

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static OpeningHours laSerreWith(HoursException... exceptions) {
        return new OpeningHours(PARIS, WeeklyScheduleTest.LA_SERRE, List.of(exceptions), true);
    }

    @Test
    void exceptions_are_kept_sorted_by_date() {
        assertThat(LA_SERRE.exceptions()).extracting(e -> e.getClass().getSimpleName() + " " + e.firstDay())
                .containsExactly("Closed 2026-08-03", "Special 2026-08-13", "Special 2026-12-05", "Closed 2026-12-24");
        OpeningHours sameDay = laSerreWith(Special.parse("2026-06-01", List.of("10:00-11:00"), ""),
                Closed.on(LocalDate.of(2026, 6, 1), ""));
        assertThat(sameDay.exceptions().getFirst()).as("a closed day before the special day it holds")
                .isInstanceOf(Closed.class);
        assertThat(sameDay.hoursOn(LocalDate.of(2026, 6, 1))).containsExactly(TimeRange.parse("10:00-11:00"));
    }

    @Test
    void two_special_days_on_one_date_are_refused() {
        assertThatThrownBy(() -> laSerreWith(
                Special.parse("2026-12-05", List.of("10:00-12:00"), ""),
                Special.parse("2026-12-05", List.of("14:00-16:00"), "")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("hours.exception.duplicate-date");
                    assertThat(e.arguments()).containsExactly(LocalDate.of(2026, 12, 5));
                });
    }

    @Test
    void overlapping_closed_periods_are_refused_but_adjacent_ones_are_fine() {
        assertRefused(() -> laSerreWith(Closed.parse("2026-08-01", "2026-08-31", "Été"),
                Closed.parse("2026-08-15", "2026-08-15", "Assomption")), "hours.exception.overlap");
        assertRefused(() -> laSerreWith(Closed.parse("2026-08-01", "2026-08-15", ""),
                Closed.parse("2026-08-15", "2026-08-20", "")), "hours.exception.overlap");
        OpeningHours adjacent = laSerreWith(Closed.parse("2026-08-01", "2026-08-15", "Première quinzaine"),
                Closed.parse("2026-08-16", "2026-08-31", "Seconde quinzaine"));
        assertThat(adjacent.day(LocalDate.of(2026, 8, 15)).label()).isEqualTo("Première quinzaine");
        assertThat(adjacent.day(LocalDate.of(2026, 8, 16)).label()).isEqualTo("Seconde quinzaine");
        assertThat(adjacent.day(LocalDate.of(2026, 9, 1)).source()).isEqualTo(DayHours.Source.WEEKLY);
    }

    @Test
    void at_most_two_hundred_exceptions() {
        List<HoursException> many = new ArrayList<>();
        for (int i = 0; i < OpeningHours.MAX_EXCEPTIONS; i++) {
            many.add(Closed.on(LocalDate.of(2026, 1, 1).plusDays(i), ""));
        }
        assertThat(new OpeningHours(PARIS, WeeklySchedule.CLOSED, many, false).exceptions()).hasSize(200);
        many.add(Closed.on(LocalDate.of(2027, 1, 1), ""));
        assertRefused(() -> new OpeningHours(PARIS, WeeklySchedule.CLOSED, many, false), "hours.exceptions.too-many");
    }

    @Test
    void openings_between_refuses_a_reversed_or_too_long_span() {
        Instant from = serres("2026-01-05T00:00");
        assertRefused(() -> LA_SERRE.openingsBetween(from, from.minusSeconds(1)), "hours.span.invalid");
        assertRefused(() -> LA_SERRE.openingsBetween(from, from.plus(Duration.ofDays(400)).plusNanos(1)),
                "hours.span.too-long");
        List<Opening> year = LA_SERRE.openingsBetween(from, from.plus(Duration.ofDays(400)));
        assertThat(year).hasSizeGreaterThan(100);
        assertThat(year.getFirst().start()).isEqualTo(serres("2026-01-05T09:00"));
    }

    @Test
    void never_open_means_no_next_opening() {
        OpeningHours never = OpeningHours.of(PARIS, WeeklySchedule.CLOSED);
        assertThat(never.nextOpening(serres("2026-01-01T00:00"))).isEmpty();
        assertThat(never.isOpenAt(serres("2026-01-01T12:00"))).isFalse();
        assertThat(never.openingsBetween(serres("2026-01-01T00:00"), serres("2026-12-01T00:00"))).isEmpty();
    }

    @Test
    void the_next_opening_is_looked_for_two_years_ahead() {
        OpeningHours renovation = laSerreWith(Closed.parse("2026-01-01", "2029-12-31", "Travaux"));
        assertThat(renovation.nextOpening(serres("2026-06-01T00:00"))).isEmpty();
        assertThat(renovation.nextOpening(serres("2029-06-01T00:00"))).contains(serres("2030-01-03T14:00"));
        OpeningHours oneSpecialDay = new OpeningHours(PARIS, WeeklySchedule.CLOSED,
                List.of(Special.parse("2028-01-01", List.of("10:00-11:00"), "Réouverture")), false);
        assertThat(oneSpecialDay.nextOpening(serres("2026-01-01T12:00"))).as("730 days ahead")
                .contains(serres("2028-01-01T10:00"));
        assertThat(oneSpecialDay.nextOpening(serres("2025-12-01T12:00"))).as("761 days ahead").isEmpty();
    }

    @Test
    void round_the_clock_the_closing_is_looked_for_two_years_ahead() {
        WeeklySchedule always = WeeklySchedule.CLOSED;
        for (DayOfWeek day : DayOfWeek.values()) {
            always = always.with(day, List.of(TimeRange.parse("00:00-24:00")));
        }
        OpeningHours allDayEveryDay = new OpeningHours(PARIS, always,
                List.of(Closed.parse("2027-02-01", "2027-02-01", "Le seul jour de fermeture")), false);
        assertThat(allDayEveryDay.currentClosing(serres("2026-06-01T12:00"))).contains(serres("2027-02-01T00:00"));
        assertThat(allDayEveryDay.nextOpening(serres("2026-06-01T12:00"))).contains(serres("2027-02-02T00:00"));
        assertThat(allDayEveryDay.currentClosing(serres("2027-03-01T12:00")))
                .as("no closing within the horizon: the end of the last day looked at")
                .contains(serres("2029-03-02T00:00"));
    }

    @Test
    void instants_and_dates_far_out_are_refused_with_a_code() {
        assertRefused(() -> LA_SERRE.isOpenAt(Instant.MAX), "hours.instant.out-of-range");
        assertRefused(() -> LA_SERRE.nextOpening(Instant.parse("1899-12-31T23:59:59Z")), "hours.instant.out-of-range");
        assertRefused(() -> LA_SERRE.currentClosing(Instant.parse("9999-01-01T00:00:00Z")),
                "hours.instant.out-of-range");
        assertRefused(() -> LA_SERRE.openingsBetween(Instant.MIN, Instant.MIN), "hours.instant.out-of-range");
        assertRefused(() -> LA_SERRE.hoursOn(LocalDate.MAX), "hours.date.out-of-range");
        assertRefused(() -> LA_SERRE.weekOf(LocalDate.of(1899, 12, 31)), "hours.date.out-of-range");
        assertThat(LA_SERRE.nextOpening(Instant.parse("9998-12-31T23:59:59Z"))).isPresent();
        assertThat(LA_SERRE.hoursOn(LocalDate.of(1900, 1, 2))).as("a Tuesday").hasSize(1);
    }

    @Test
    void equal_hours_are_equal_values() {
        OpeningHours again = new OpeningHours(PARIS, WeeklySchedule.parse(WeeklyScheduleTest.LA_SERRE.format()),
                List.copyOf(LA_SERRE.exceptions().reversed()), true);
        assertThat(again).isEqualTo(LA_SERRE).hasSameHashCodeAs(LA_SERRE);
        assertThat(new OpeningHours(PARIS, LA_SERRE.weekly(), LA_SERRE.exceptions(), false)).isNotEqualTo(LA_SERRE);
    }
}
