package fr.maillage.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.hours.FrenchPublicHolidays.Dated;
import fr.maillage.domain.hours.FrenchPublicHolidays.Holiday;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchPublicHolidaysTest {

    @ParameterizedTest
    @CsvSource({
            "1818-03-22", // the earliest possible date
            "1943-04-25", // the latest possible date
            "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05",
            "2027-03-28", "2038-04-25", "2285-03-22"})
    void easter_falls_on_its_known_dates(LocalDate easter) {
        assertThat(FrenchPublicHolidays.easterSunday(easter.getYear())).isEqualTo(easter);
    }

    @Test
    void the_holidays_of_2026_with_their_french_names() {
        assertThat(FrenchPublicHolidays.in(2026)).extracting(d -> d.date() + " " + d.holiday().frenchName())
                .containsExactly(
                        "2026-01-01 Jour de l'an",
                        "2026-04-06 Lundi de Pâques",
                        "2026-05-01 Fête du Travail",
                        "2026-05-08 Victoire 1945",
                        "2026-05-14 Ascension",
                        "2026-05-25 Lundi de Pentecôte",
                        "2026-07-14 Fête nationale",
                        "2026-08-15 Assomption",
                        "2026-11-01 Toussaint",
                        "2026-11-11 Armistice 1918",
                        "2026-12-25 Noël");
    }

    @Test
    void the_moving_holidays_of_2024_2025_and_2027() {
        assertThat(Holiday.EASTER_MONDAY.in(2024)).isEqualTo("2024-04-01");
        assertThat(Holiday.ASCENSION_DAY.in(2024)).isEqualTo("2024-05-09");
        assertThat(Holiday.WHIT_MONDAY.in(2024)).isEqualTo("2024-05-20");
        assertThat(Holiday.EASTER_MONDAY.in(2025)).isEqualTo("2025-04-21");
        assertThat(Holiday.ASCENSION_DAY.in(2025)).isEqualTo("2025-05-29");
        assertThat(Holiday.WHIT_MONDAY.in(2025)).isEqualTo("2025-06-09");
        assertThat(Holiday.EASTER_MONDAY.in(2027)).isEqualTo("2027-03-29");
        assertThat(Holiday.ASCENSION_DAY.in(2027)).isEqualTo("2027-05-06");
        assertThat(Holiday.WHIT_MONDAY.in(2027)).isEqualTo("2027-05-17");
    }

    @Test
    void on_names_the_holiday_of_a_date_and_nothing_else() {
        assertThat(FrenchPublicHolidays.on(LocalDate.of(2026, 5, 14))).contains(Holiday.ASCENSION_DAY);
        assertThat(FrenchPublicHolidays.on(LocalDate.of(2026, 11, 11))).contains(Holiday.ARMISTICE_DAY);
        assertThat(FrenchPublicHolidays.on(LocalDate.of(2026, 4, 5))).as("Easter Sunday is no extra holiday").isEmpty();
        assertThat(FrenchPublicHolidays.on(LocalDate.of(2026, 12, 29))).isEmpty();
        assertThat(FrenchPublicHolidays.on(LocalDate.of(2026, 12, 26))).as("Alsace-Moselle only").isEmpty();
    }

    @Test
    void when_ascension_falls_on_labour_day_the_year_still_has_eleven_holidays_on_ten_dates() {
        List<Dated> holidays = FrenchPublicHolidays.in(2008);
        assertThat(holidays).hasSize(11);
        assertThat(holidays.stream().map(Dated::date).distinct()).hasSize(10);
        assertThat(Holiday.ASCENSION_DAY.in(2008)).isEqualTo("2008-05-01");
        assertThat(FrenchPublicHolidays.on(LocalDate.of(2008, 5, 1))).contains(Holiday.LABOUR_DAY);
        assertThat(Holiday.ASCENSION_DAY.in(1997)).isEqualTo("1997-05-08");
        assertThat(Holiday.ASCENSION_DAY.in(2059)).isEqualTo("2059-05-08");
    }

    /** Checks the anonymous algorithm against Gauss's, with its two exceptions, for every Gregorian year to 9999. */
    @Test
    void easter_agrees_with_gauss_and_is_a_sunday_between_22_march_and_25_april_every_year() {
        for (int year = FrenchPublicHolidays.FIRST_YEAR; year <= 9999; year++) {
            LocalDate easter = FrenchPublicHolidays.easterSunday(year);
            assertThat(easter).as("Easter %d", year).isEqualTo(gaussEaster(year));
            assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        }
    }

    private static LocalDate gaussEaster(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        return LocalDate.of(year, 3, 22).plusDays(d + e);
    }

    @Test
    void every_year_the_holidays_keep_their_weekdays_and_distances_and_on_agrees_with_in() {
        for (int year = 1900; year <= 2200; year++) {
            List<Dated> holidays = FrenchPublicHolidays.in(year);
            assertThat(holidays).hasSize(11).extracting(Dated::holiday).containsExactlyInAnyOrder(Holiday.values());
            assertThat(holidays).extracting(Dated::date).isSorted();
            LocalDate easter = FrenchPublicHolidays.easterSunday(year);
            assertThat(Holiday.EASTER_MONDAY.in(year).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(Holiday.ASCENSION_DAY.in(year).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(Holiday.WHIT_MONDAY.in(year).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(ChronoUnit.DAYS.between(easter, Holiday.WHIT_MONDAY.in(year))).isEqualTo(50);
            int found = 0;
            for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
                LocalDate day = date;
                Optional<Holiday> holiday = FrenchPublicHolidays.on(date);
                boolean listed = holidays.stream().anyMatch(d -> d.date().equals(day));
                assertThat(holiday.isPresent()).as("%s", date).isEqualTo(listed);
                if (holiday.isPresent()) {
                    assertThat(holiday.get().in(year)).isEqualTo(date);
                    found++;
                }
            }
            assertThat(found).isBetween(10, 11);
        }
    }

    @Test
    void years_before_the_gregorian_calendar_are_refused() {
        assertThatThrownBy(() -> FrenchPublicHolidays.easterSunday(1582))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("hours.year.out-of-range"));
        assertThatThrownBy(() -> FrenchPublicHolidays.on(LocalDate.of(-5, 1, 1)))
                .isInstanceOf(InvalidValueException.class);
        assertThat(FrenchPublicHolidays.easterSunday(1583)).isEqualTo("1583-04-10");
    }
}
