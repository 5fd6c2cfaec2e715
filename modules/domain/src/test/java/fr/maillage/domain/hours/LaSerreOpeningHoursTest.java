package fr.maillage.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.hours.DayHours.Source;
import fr.maillage.domain.hours.HoursException.Closed;
import fr.maillage.domain.hours.HoursException.Special;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * La Serre, a coworking space in Serres (Hautes-Alpes): open Monday and Tuesday 9:00-17:00 and Thursday 14:00-17:00,
 * closed on public holidays, in Europe/Paris (UTC+1 in winter, UTC+2 in summer).
 */
class LaSerreOpeningHoursTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final OpeningHours LA_SERRE = new OpeningHours(PARIS, WeeklyScheduleTest.LA_SERRE, List.of(
            Special.parse("2026-12-05", List.of("10:00-12:00"), "Samedi portes ouvertes"),
            Closed.parse("2026-08-03", "2026-08-23", "Fermeture estivale"),
            Special.parse("2026-08-13", List.of("14:00-17:00"), "Permanence"),
            Closed.parse("2026-12-24", "2027-01-02", "Vacances de Noël")), true);

    /** The instant at which the clocks of Serres show {@code local}. */
    static Instant serres(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    void open_on_a_tuesday_at_ten_from_nine_until_five() {
        assertThat(LA_SERRE.isOpenAt(serres("2026-03-10T10:00"))).isTrue();
        assertThat(LA_SERRE.isOpenAt(serres("2026-03-10T09:00"))).as("opens at 9:00 sharp").isTrue();
        assertThat(LA_SERRE.isOpenAt(serres("2026-03-10T08:59:59"))).isFalse();
        assertThat(LA_SERRE.isOpenAt(serres("2026-03-10T16:59:59"))).isTrue();
        assertThat(LA_SERRE.isOpenAt(serres("2026-03-10T17:00"))).as("closed from 17:00").isFalse();
        assertThat(LA_SERRE.currentClosing(serres("2026-03-10T10:00"))).contains(Instant.parse("2026-03-10T16:00:00Z"));
    }

    @Test
    void closed_on_wednesday_and_next_open_on_thursday_at_two_in_the_afternoon() {
        Instant wednesday = serres("2026-03-11T10:00");
        assertThat(LA_SERRE.isOpenAt(wednesday)).isFalse();
        assertThat(LA_SERRE.currentClosing(wednesday)).isEmpty();
        assertThat(LA_SERRE.nextOpening(wednesday)).as("winter, UTC+1").contains(Instant.parse("2026-03-12T13:00:00Z"));
        assertThat(LA_SERRE.nextOpening(serres("2026-07-01T10:00"))).as("summer, UTC+2")
                .contains(Instant.parse("2026-07-02T12:00:00Z"));
    }

    @Test
    void when_open_the_next_opening_is_the_next_start_not_the_current_one() {
        assertThat(LA_SERRE.nextOpening(serres("2026-03-10T10:00"))).contains(serres("2026-03-12T14:00"));
        assertThat(LA_SERRE.nextOpening(serres("2026-03-09T09:00"))).as("at the very start of Monday's hours")
                .contains(serres("2026-03-10T09:00"));
        assertThat(LA_SERRE.nextOpening(serres("2026-03-09T08:59"))).contains(serres("2026-03-09T09:00"));
        assertThat(LA_SERRE.nextOpening(serres("2026-03-12T17:00"))).as("Thursday closing to Monday")
                .contains(serres("2026-03-16T09:00"));
    }

    @Test
    void closed_on_easter_monday_and_on_ascension_thursday() {
        assertThat(LA_SERRE.isOpenAt(serres("2026-04-06T10:00"))).isFalse();
        assertThat(LA_SERRE.day(LocalDate.of(2026, 4, 6)))
                .isEqualTo(new DayHours(LocalDate.of(2026, 4, 6), List.of(), Source.PUBLIC_HOLIDAY,
                        "Lundi de Pâques"));
        assertThat(LA_SERRE.nextOpening(serres("2026-04-05T12:00"))).as("from Easter Sunday to Tuesday")
                .contains(Instant.parse("2026-04-07T07:00:00Z"));
        assertThat(LA_SERRE.hoursOn(LocalDate.of(2026, 5, 14))).isEmpty();
        assertThat(LA_SERRE.day(LocalDate.of(2026, 5, 14)).label()).isEqualTo("Ascension");
        assertThat(LA_SERRE.nextOpening(serres("2026-05-12T18:00"))).as("Ascension Thursday skipped")
                .contains(serres("2026-05-18T09:00"));
        assertThat(LA_SERRE.hoursOn(LocalDate.of(2026, 5, 25))).as("Whit Monday").isEmpty();
    }

    @Test
    void a_place_open_on_public_holidays_opens_on_easter_monday() {
        OpeningHours openOnHolidays = new OpeningHours(PARIS, LA_SERRE.weekly(), LA_SERRE.exceptions(), false);
        assertThat(openOnHolidays.isOpenAt(serres("2026-04-06T10:00"))).isTrue();
        assertThat(openOnHolidays.day(LocalDate.of(2026, 4, 6)).source()).isEqualTo(Source.WEEKLY);
    }

    @Test
    void armistice_day_2026_is_a_wednesday_already_closed_but_still_labelled() {
        DayHours armistice = LA_SERRE.day(LocalDate.of(2026, 11, 11));
        assertThat(armistice.date().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(armistice.isOpen()).isFalse();
        assertThat(armistice.label()).isEqualTo("Armistice 1918");
        assertThat(LA_SERRE.day(LocalDate.of(2026, 12, 29))).as("29 December is no holiday, but Christmas holidays")
                .extracting(DayHours::source, DayHours::label).containsExactly(Source.CLOSED, "Vacances de Noël");
    }

    @Test
    void an_extra_opening_on_a_saturday_morning() {
        assertThat(LA_SERRE.isOpenAt(serres("2026-12-05T11:00"))).isTrue();
        assertThat(LA_SERRE.isOpenAt(serres("2026-12-05T12:00"))).isFalse();
        assertThat(LA_SERRE.isOpenAt(serres("2026-11-28T11:00"))).as("the Saturday before").isFalse();
        assertThat(LA_SERRE.nextOpening(serres("2026-12-03T18:00"))).contains(Instant.parse("2026-12-05T09:00:00Z"));
        WeekHours week = LA_SERRE.weekOf(LocalDate.of(2026, 12, 2));
        assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(week.on(DayOfWeek.SATURDAY)).isEqualTo(new DayHours(LocalDate.of(2026, 12, 5),
                List.of(TimeRange.parse("10:00-12:00")), Source.SPECIAL, "Samedi portes ouvertes"));
        assertThat(week.on(DayOfWeek.SUNDAY).isOpen()).isFalse();
        assertThat(week.days()).extracting(d -> d.ranges().size()).containsExactly(1, 1, 0, 1, 0, 1, 0);
    }

    @Test
    void the_summer_closure_keeps_its_thursday_permanence() {
        assertThat(LA_SERRE.day(LocalDate.of(2026, 8, 10)))
                .extracting(DayHours::source, DayHours::label).containsExactly(Source.CLOSED, "Fermeture estivale");
        assertThat(LA_SERRE.isOpenAt(serres("2026-08-04T10:00"))).as("a Tuesday in the closure").isFalse();
        assertThat(LA_SERRE.nextOpening(serres("2026-08-01T10:00"))).as("the permanence, inside the closure")
                .contains(Instant.parse("2026-08-13T12:00:00Z"));
        assertThat(LA_SERRE.day(LocalDate.of(2026, 8, 13)).label()).isEqualTo("Permanence");
        assertThat(LA_SERRE.nextOpening(serres("2026-08-13T15:00"))).as("then the Monday after the closure")
                .contains(serres("2026-08-24T09:00"));
        assertThat(LA_SERRE.hoursOn(LocalDate.of(2026, 8, 20))).as("the Thursday after, still closed").isEmpty();
        assertThat(LA_SERRE.hoursOn(LocalDate.of(2026, 7, 30))).as("the Thursday before")
                .containsExactly(TimeRange.parse("14:00-17:00"));
    }

    @Test
    void a_special_day_wins_over_a_public_holiday() {
        OpeningHours easterOpening = new OpeningHours(PARIS, LA_SERRE.weekly(),
                List.of(Special.parse("2026-04-06", List.of("10:00-12:00"), "Chasse aux œufs")), true);
        assertThat(easterOpening.isOpenAt(serres("2026-04-06T11:00"))).isTrue();
        assertThat(easterOpening.isOpenAt(serres("2026-04-06T09:30"))).as("the special hours, not the weekly ones")
                .isFalse();
        assertThat(easterOpening.day(LocalDate.of(2026, 4, 6)).label()).isEqualTo("Chasse aux œufs");
    }

    @Test
    void the_week_of_the_october_clock_change() {
        List<Opening> openings = LA_SERRE.openingsBetween(serres("2026-10-22T00:00"), serres("2026-10-30T00:00"));
        assertThat(openings).containsExactly(
                new Opening(Instant.parse("2026-10-22T12:00:00Z"), Instant.parse("2026-10-22T15:00:00Z"),
                        LocalDate.of(2026, 10, 22)),
                new Opening(Instant.parse("2026-10-26T08:00:00Z"), Instant.parse("2026-10-26T16:00:00Z"),
                        LocalDate.of(2026, 10, 26)),
                new Opening(Instant.parse("2026-10-27T08:00:00Z"), Instant.parse("2026-10-27T16:00:00Z"),
                        LocalDate.of(2026, 10, 27)),
                new Opening(Instant.parse("2026-10-29T13:00:00Z"), Instant.parse("2026-10-29T16:00:00Z"),
                        LocalDate.of(2026, 10, 29)));
        assertThat(openings.stream().map(Opening::duration).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofHours(22));
        assertThat(LA_SERRE.nextOpening(serres("2026-10-22T17:00"))).as("Thursday, summer time, to Monday, winter")
                .contains(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void a_night_event_across_the_clock_change_stays_open_through_midnight() {
        OpeningHours nightOfCode = new OpeningHours(PARIS, LA_SERRE.weekly(), List.of(
                Special.parse("2026-10-24", List.of("20:00-24:00"), "Nuit du code"),
                Special.parse("2026-10-25", List.of("00:00-04:00"), "Nuit du code")), true);
        List<Opening> night = nightOfCode.openingsBetween(serres("2026-10-24T12:00"), serres("2026-10-25T12:00"));
        assertThat(night).extracting(Opening::date).containsExactly(LocalDate.of(2026, 10, 24),
                LocalDate.of(2026, 10, 25));
        assertThat(night.get(0).end()).isEqualTo(night.get(1).start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(night.get(1).duration()).as("00:00-04:00 with the hour repeated").isEqualTo(Duration.ofHours(5));
        assertThat(nightOfCode.currentClosing(serres("2026-10-24T23:00"))).as("not at midnight: at 04:00, UTC+1")
                .contains(Instant.parse("2026-10-25T03:00:00Z"));
        assertThat(nightOfCode.nextOpening(serres("2026-10-24T23:00"))).as("midnight is no new opening")
                .contains(serres("2026-10-26T09:00"));
    }

    @Test
    void openings_are_cut_to_the_span_asked_for() {
        assertThat(LA_SERRE.openingsBetween(serres("2026-03-10T10:00"), serres("2026-03-10T12:00")))
                .containsExactly(new Opening(serres("2026-03-10T10:00"), serres("2026-03-10T12:00"),
                        LocalDate.of(2026, 3, 10)));
        assertThat(LA_SERRE.openingsBetween(serres("2026-03-10T10:00"), serres("2026-03-10T10:00"))).isEmpty();
        assertThat(LA_SERRE.openingsBetween(serres("2026-03-10T17:00"), serres("2026-03-12T14:00"))).isEmpty();
    }

    @Test
    void a_week_lists_seven_days_from_monday_with_their_sources() {
        WeekHours easterWeek = LA_SERRE.weekOf(LocalDate.of(2026, 4, 12));
        assertThat(easterWeek.monday()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(easterWeek.days()).extracting(DayHours::source).containsExactly(Source.PUBLIC_HOLIDAY,
                Source.WEEKLY, Source.WEEKLY, Source.WEEKLY, Source.WEEKLY, Source.WEEKLY, Source.WEEKLY);
        assertThat(easterWeek.on(DayOfWeek.TUESDAY).ranges()).containsExactly(TimeRange.parse("09:00-17:00"));
        assertThat(LA_SERRE.weekOf(LocalDate.of(2026, 4, 6))).isEqualTo(easterWeek);
    }
}
