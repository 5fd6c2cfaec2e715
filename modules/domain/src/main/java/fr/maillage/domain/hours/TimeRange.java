package fr.maillage.domain.hours;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of local clock times within one day, {@code [start, end)}, to the minute: {@code 09:00-17:00}. The end
 * may be {@code 24:00}, the midnight that ends the day ({@link #endsAtMidnight()}); {@code 00:00} is only ever a
 * start. Kept as minutes since the start of the day, so that 24:00 needs no special case: {@code 0 <= startMinute <
 * endMinute <= 1440}.
 *
 * <p>Times are read as {@code HH:mm}, and in the French styles {@code 9:00}, {@code 9h} and {@code 9h30}; they are
 * always written {@code HH:mm}.
 */
public record TimeRange(int startMinute, int endMinute) implements Comparable<TimeRange> {

    public static final int END_OF_DAY = 24 * 60;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2})|[hH](\\d{2})?)");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\S+?)\\s*[-\u2013]\\s*(\\S+)\\s*");

    public TimeRange {
        if (startMinute < 0 || endMinute > END_OF_DAY || startMinute >= endMinute) {
            throw new InvalidValueException("hours.range.invalid", formatMinute(startMinute), formatMinute(endMinute));
        }
    }

    /** From two times such as {@code "09:00"} and {@code "24:00"}. */
    public static TimeRange of(String start, String end) {
        return new TimeRange(parseMinute(start), parseMinute(end));
    }

    /**
     * From two local times. An end of {@link LocalTime#MIDNIGHT} is refused as ambiguous (start or end of the day?):
     * say {@link #untilMidnight(LocalTime)}.
     */
    public static TimeRange of(LocalTime start, LocalTime end) {
        if (end.equals(LocalTime.MIDNIGHT)) {
            throw new InvalidValueException("hours.range.invalid", formatMinute(minuteOf(start)), "00:00");
        }
        return new TimeRange(minuteOf(start), minuteOf(end));
    }

    /** From {@code start} to the end of the day (24:00). */
    public static TimeRange untilMidnight(LocalTime start) {
        return new TimeRange(minuteOf(start), END_OF_DAY);
    }

    /** Reads {@code "09:00-17:00"} (also {@code "9h - 17h"}, with a hyphen or an en dash). */
    public static TimeRange parse(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException("hours.range.malformed", text);
        }
        return of(m.group(1), m.group(2));
    }

    /** Minutes since the start of the day of {@code "HH:mm"}, {@code "H:mm"}, {@code "9h"} or {@code "9h30"} (24:00: 1440). */
    public static int parseMinute(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidValueException("hours.time.malformed", text);
        }
        int hour = Integer.parseInt(m.group(1));
        String minutes = m.group(2) != null ? m.group(2) : m.group(3);
        int minute = minutes == null ? 0 : Integer.parseInt(minutes);
        if (hour > 24 || minute > 59 || (hour == 24 && minute != 0)) {
            throw new InvalidValueException("hours.time.malformed", text);
        }
        return hour * 60 + minute;
    }

    /** {@code "HH:mm"}, {@code "24:00"} for the end of the day. */
    public static String formatMinute(int minute) {
        return "%02d:%02d".formatted(Math.floorDiv(minute, 60), Math.floorMod(minute, 60));
    }

    private static int minuteOf(LocalTime time) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new InvalidValueException("hours.time.malformed", time.toString());
        }
        return time.getHour() * 60 + time.getMinute();
    }

    public LocalTime start() {
        return LocalTime.of(startMinute / 60, startMinute % 60);
    }

    public boolean endsAtMidnight() {
        return endMinute == END_OF_DAY;
    }

    /** The local date-time the range starts on {@code date}. */
    public LocalDateTime startOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(startMinute);
    }

    /** The local date-time the range ends on {@code date}: the next day at 00:00 when it ends at 24:00. */
    public LocalDateTime endOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(endMinute);
    }

    /** The length on the clock face, regardless of any daylight-saving change. */
    public Duration length() {
        return Duration.ofMinutes(endMinute - startMinute);
    }

    public boolean contains(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= startMinute && minute < endMinute;
    }

    /** {@code "09:00-17:00"}. */
    public String format() {
        return formatMinute(startMinute) + "-" + formatMinute(endMinute);
    }

    @Override
    public int compareTo(TimeRange other) {
        return Comparator.comparingInt(TimeRange::startMinute).thenComparingInt(TimeRange::endMinute)
                .compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }

    /**
     * The ranges of one day, sorted: at most {@code MAX_PER_DAY}, none overlapping or touching another (09:00-12:00
     * and 12:00-14:00 are refused rather than merged: a split at noon is most likely a typing mistake, and merging
     * would silently show hours nobody typed).
     */
    static List<TimeRange> checkedDay(List<TimeRange> ranges) {
        if (ranges.size() > WeeklySchedule.MAX_RANGES_PER_DAY) {
            throw new InvalidValueException("hours.day.too-many-ranges", WeeklySchedule.MAX_RANGES_PER_DAY);
        }
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startMinute <= sorted.get(i - 1).endMinute) {
                throw new InvalidValueException("hours.range.overlap", sorted.get(i - 1).format(),
                        sorted.get(i).format());
            }
        }
        return List.copyOf(sorted);
    }
}
