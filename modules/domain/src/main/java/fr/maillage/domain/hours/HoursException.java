package fr.maillage.domain.hours;

import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A dated departure from the weekly schedule, in the place's local dates. Precedence, strongest first (see
 * {@link OpeningHours}): a {@link Special} day, then a {@link Closed} period, then a French public holiday (when the
 * place closes on them), then the weekly schedule.
 */
public sealed interface HoursException {

    int MAX_LABEL_LENGTH = 80;

    /** Short free text shown next to the day ("Vacances de Noël"); may be empty. */
    String label();

    /** The first day it applies to. */
    LocalDate firstDay();

    /** The last day it applies to (inclusive). */
    LocalDate lastDay();

    default boolean covers(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** Closed from {@code from} to {@code to}, both inclusive: a single day or a period (summer closure). */
    record Closed(LocalDate from, LocalDate to, String label) implements HoursException {

        public Closed {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            if (to.isBefore(from)) {
                throw new InvalidValueException("hours.exception.period.invalid", from, to);
            }
            label = checkedLabel(label);
        }

        /** Closed a single day. */
        public static Closed on(LocalDate date, String label) {
            return new Closed(date, date, label);
        }

        /** From ISO dates ({@code "2026-12-24"}), as the API sends them. */
        public static Closed parse(String from, String to, String label) {
            return new Closed(parseDate(from), parseDate(to), label);
        }

        @Override
        public LocalDate firstDay() {
            return from;
        }

        @Override
        public LocalDate lastDay() {
            return to;
        }
    }

    /**
     * Different hours on {@code date}, replacing the weekly ones (an extra opening on a Saturday, reduced hours on
     * Christmas Eve). Wins over a {@link Closed} period and a public holiday. Its ranges follow the weekly rules (at
     * least one, sorted, at most {@value WeeklySchedule#MAX_RANGES_PER_DAY}, neither overlapping nor touching); a
     * closed day is a {@link Closed}.
     */
    record Special(LocalDate date, List<TimeRange> ranges, String label) implements HoursException {

        public Special {
            Objects.requireNonNull(date);
            if (ranges.isEmpty()) {
                throw new InvalidValueException("hours.exception.special.empty", date);
            }
            ranges = TimeRange.checkedDay(ranges);
            label = checkedLabel(label);
        }

        /** From an ISO date and ranges such as {@code "10:00-12:00"}, as the API sends them. */
        public static Special parse(String date, List<String> ranges, String label) {
            return new Special(parseDate(date), ranges.stream().map(TimeRange::parse).toList(), label);
        }

        @Override
        public LocalDate firstDay() {
            return date;
        }

        @Override
        public LocalDate lastDay() {
            return date;
        }
    }

    private static String checkedLabel(String label) {
        if (Text.hasControlCharacters(label)) {
            throw new InvalidValueException("text.control-characters");
        }
        String normalized = Text.normalize(label);
        if (normalized.codePointCount(0, normalized.length()) > MAX_LABEL_LENGTH) {
            throw new InvalidValueException("hours.label.length", MAX_LABEL_LENGTH);
        }
        return normalized;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("hours.date.malformed", text);
        }
    }
}
