package fr.maillage.domain.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stretch of real time during which the place is open, {@code [start, end)}, from the hours of the local
 * {@code date}. Its length is real time: 01:00-03:00 on the night clocks go back lasts three hours.
 */
public record Opening(Instant start, Instant end, LocalDate date) {

    public Opening {
        Objects.requireNonNull(date);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("an opening ends after it starts: " + start + " " + end);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
