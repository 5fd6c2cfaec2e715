package fr.maillage.domain.hours;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The usual hours of each day of the week: for every {@link DayOfWeek}, its ranges, sorted, at most
 * {@value #MAX_RANGES_PER_DAY}, neither overlapping nor touching (refused with {@code hours.range.overlap}, never
 * merged). A day without ranges is closed. {@link #days()} always holds the seven days, Monday first.
 */
public record WeeklySchedule(Map<DayOfWeek, List<TimeRange>> days) {

    public static final int MAX_RANGES_PER_DAY = 6;

    /** Closed every day. */
    public static final WeeklySchedule CLOSED = new WeeklySchedule(Map.of());

    public WeeklySchedule {
        EnumMap<DayOfWeek, List<TimeRange>> checked = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            checked.put(day, TimeRange.checkedDay(days.getOrDefault(day, List.of())));
        }
        days = Collections.unmodifiableMap(checked);
    }

    /**
     * Reads the API's shape: English day names as keys ({@code "MONDAY"}, any case), ranges as {@code "09:00-17:00"};
     * a missing day is closed.
     */
    public static WeeklySchedule parse(Map<String, List<String>> raw) {
        EnumMap<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        raw.forEach((key, ranges) -> {
            DayOfWeek day = parseDay(key);
            if (days.put(day, ranges.stream().map(TimeRange::parse).toList()) != null) {
                throw new InvalidValueException("hours.day.duplicate", key);
            }
        });
        return new WeeklySchedule(days);
    }

    private static DayOfWeek parseDay(String key) {
        try {
            return DayOfWeek.valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("hours.day.unknown", key);
        }
    }

    /** The API's shape, every day present (an empty list when closed), Monday first: the inverse of {@link #parse}. */
    public Map<String, List<String>> format() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        days.forEach((day, ranges) -> out.put(day.name(), ranges.stream().map(TimeRange::format).toList()));
        return Collections.unmodifiableMap(out);
    }

    public List<TimeRange> on(DayOfWeek day) {
        return days.get(day);
    }

    public List<TimeRange> on(LocalDate date) {
        return days.get(date.getDayOfWeek());
    }

    /** This schedule with the ranges of {@code day} replaced. */
    public WeeklySchedule with(DayOfWeek day, List<TimeRange> ranges) {
        EnumMap<DayOfWeek, List<TimeRange>> changed = new EnumMap<>(days);
        changed.put(day, ranges);
        return new WeeklySchedule(changed);
    }

    public boolean isAlwaysClosed() {
        return days.values().stream().allMatch(List::isEmpty);
    }
}
