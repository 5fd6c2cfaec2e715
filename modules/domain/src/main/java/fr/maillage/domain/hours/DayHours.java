package fr.maillage.domain.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The hours of one local date as a person sees them, exceptions applied: the ranges (empty when closed), where they
 * come from, and the label to show next to them (the exception's label or the holiday's French name; empty for the
 * weekly hours).
 */
public record DayHours(LocalDate date, List<TimeRange> ranges, Source source, String label) {

    public enum Source {
        /** The weekly schedule. */
        WEEKLY,
        /** A {@link HoursException.Special} day. */
        SPECIAL,
        /** A {@link HoursException.Closed} period. */
        CLOSED,
        /** A French public holiday, the place closing on them. */
        PUBLIC_HOLIDAY
    }

    public DayHours {
        Objects.requireNonNull(date);
        Objects.requireNonNull(source);
        Objects.requireNonNull(label);
        ranges = List.copyOf(ranges);
    }

    public boolean isOpen() {
        return !ranges.isEmpty();
    }
}
