package fr.maillage.domain.hours;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The eleven public holidays of metropolitan France (Code du travail, art. L3133-1), three of them moving with Easter.
 * Not covered: the extra holidays of Alsace-Moselle (Good Friday, 26 December) and the overseas départements'
 * abolition-of-slavery days.
 */
public final class FrenchPublicHolidays {

    /** Easter is computed with the Gregorian calendar, in force from 1583. */
    public static final int FIRST_YEAR = 1583;

    /** A holiday, with its usual French name. */
    public enum Holiday {
        NEW_YEARS_DAY("Jour de l'an"),
        EASTER_MONDAY("Lundi de Pâques"),
        LABOUR_DAY("Fête du Travail"),
        VICTORY_IN_EUROPE_DAY("Victoire 1945"),
        ASCENSION_DAY("Ascension"),
        WHIT_MONDAY("Lundi de Pentecôte"),
        BASTILLE_DAY("Fête nationale"),
        ASSUMPTION_DAY("Assomption"),
        ALL_SAINTS_DAY("Toussaint"),
        ARMISTICE_DAY("Armistice 1918"),
        CHRISTMAS_DAY("Noël");

        private final String frenchName;

        Holiday(String frenchName) {
            this.frenchName = frenchName;
        }

        public String frenchName() {
            return frenchName;
        }

        /** Its date in {@code year}. */
        public LocalDate in(int year) {
            return switch (this) {
                case NEW_YEARS_DAY -> LocalDate.of(year, 1, 1);
                case EASTER_MONDAY -> easterSunday(year).plusDays(1);
                case LABOUR_DAY -> LocalDate.of(year, 5, 1);
                case VICTORY_IN_EUROPE_DAY -> LocalDate.of(year, 5, 8);
                case ASCENSION_DAY -> easterSunday(year).plusDays(39);
                case WHIT_MONDAY -> easterSunday(year).plusDays(50);
                case BASTILLE_DAY -> LocalDate.of(year, 7, 14);
                case ASSUMPTION_DAY -> LocalDate.of(year, 8, 15);
                case ALL_SAINTS_DAY -> LocalDate.of(year, 11, 1);
                case ARMISTICE_DAY -> LocalDate.of(year, 11, 11);
                case CHRISTMAS_DAY -> LocalDate.of(year, 12, 25);
            };
        }
    }

    private FrenchPublicHolidays() {
    }

    /**
     * Easter Sunday of {@code year}, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher): the Sunday after the
     * ecclesiastical full moon on or after 21 March, between 22 March and 25 April.
     */
    public static LocalDate easterSunday(int year) {
        checkYear(year);
        int a = year % 19;               // place in the 19-year Metonic cycle
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;         // lunar correction
        int h = (19 * a + b - d - g + 15) % 30;  // days from 21 March to the full moon
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
        int m = (a + 11 * h + 22 * l) / 451;
        int n = h + l - 7 * m + 114;
        return LocalDate.of(year, n / 31, n % 31 + 1);
    }

    /** A holiday on its date. */
    public record Dated(LocalDate date, Holiday holiday) {
    }

    /**
     * The eleven holidays of {@code year}, by date. Two may share a date: Ascension fell on 8 May in 1997 and on 1 May
     * in 2008 (next: 8 May 2059).
     */
    public static List<Dated> in(int year) {
        checkYear(year);
        return Arrays.stream(Holiday.values()).map(h -> new Dated(h.in(year), h))
                .sorted(Comparator.comparing(Dated::date)).toList();
    }

    /**
     * The holiday on {@code date}, if any; the fixed-date one when two share the date. Cheap: Easter is computed only
     * for dates it can move to.
     */
    public static Optional<Holiday> on(LocalDate date) {
        checkYear(date.getYear());
        @Nullable Holiday fixed = switch (MonthDay.from(date).toString()) {
            case "--01-01" -> Holiday.NEW_YEARS_DAY;
            case "--05-01" -> Holiday.LABOUR_DAY;
            case "--05-08" -> Holiday.VICTORY_IN_EUROPE_DAY;
            case "--07-14" -> Holiday.BASTILLE_DAY;
            case "--08-15" -> Holiday.ASSUMPTION_DAY;
            case "--11-01" -> Holiday.ALL_SAINTS_DAY;
            case "--11-11" -> Holiday.ARMISTICE_DAY;
            case "--12-25" -> Holiday.CHRISTMAS_DAY;
            default -> null;
        };
        if (fixed != null) {
            return Optional.of(fixed);
        }
        if (date.getMonthValue() < 3 || date.getMonthValue() > 6) {
            return Optional.empty(); // Easter Monday (23 March at the earliest) to Whit Monday (14 June at the latest)
        }
        LocalDate easter = easterSunday(date.getYear());
        return switch ((int) (date.toEpochDay() - easter.toEpochDay())) {
            case 1 -> Optional.of(Holiday.EASTER_MONDAY);
            case 39 -> Optional.of(Holiday.ASCENSION_DAY);
            case 50 -> Optional.of(Holiday.WHIT_MONDAY);
            default -> Optional.empty();
        };
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR) {
            throw new InvalidValueException("hours.year.out-of-range", year, FIRST_YEAR);
        }
    }
}
