package fr.maillage.domain.membership;

import fr.maillage.domain.offer.OfferTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Validity in local dates of the network's time zone, both ends inclusive.
 *
 * <ul>
 *   <li>A card is valid from its activation date for its validity period: until {@code start + period - 1 day}
 *       (a card of one year activated on 15 March 2026 is valid until 14 March 2027).</li>
 *   <li>A day pass is valid on its one date.</li>
 *   <li>A subscription runs in periods of one calendar month (or year) counted from its first day, the
 *       <em>anchor</em>: period {@code k} starts on {@code anchor + k months} (the day of month clamped to the
 *       month's length) and ends the day before period {@code k + 1} starts. Anchored on 31 January, the periods
 *       are 31 Jan - 27 Feb, 28 Feb - 30 Mar, 31 Mar - 29 Apr, 30 Apr - 30 May, 31 May - 30 Jun: the anchor is never
 *       lost, there is no gap nor overlap.</li>
 * </ul>
 */
public record Validity(LocalDate from, LocalDate until) {

    public Validity {
        Objects.requireNonNull(from);
        Objects.requireNonNull(until);
        if (until.isBefore(from)) {
            throw new IllegalArgumentException(from + " to " + until);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }

    /** A card activated on {@code start}: valid until start + period - 1 day. */
    public static Validity ofCard(LocalDate start, Period validity) {
        return new Validity(start, start.plus(validity).minusDays(1));
    }

    public static Validity ofDay(LocalDate date) {
        return new Validity(date, date);
    }

    /** Period {@code index} (0 for the first) of a subscription anchored on {@code anchor}. */
    public static Validity ofSubscription(LocalDate anchor, OfferTerms.Billing billing, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("period " + index);
        }
        return new Validity(periodStart(anchor, billing, index), periodStart(anchor, billing, index + 1).minusDays(1));
    }

    /** The period of a subscription anchored on {@code anchor} that follows the one ending on {@code previousEnd}. */
    public static Validity nextOfSubscription(LocalDate anchor, OfferTerms.Billing billing, LocalDate previousEnd) {
        LocalDate start = previousEnd.plusDays(1);
        int step = monthsPerPeriod(billing);
        int index = (int) Math.max(0, ChronoUnit.MONTHS.between(anchor, start) / step);
        while (periodStart(anchor, billing, index).isBefore(start)) {
            index++;
        }
        while (index > 0 && periodStart(anchor, billing, index).isAfter(start)) {
            index--;
        }
        if (!periodStart(anchor, billing, index).equals(start)) {
            // Not on the anchor's calendar (stored before anchors, or changed by hand): start a calendar of its own.
            return ofSubscription(start, billing, 0);
        }
        return ofSubscription(anchor, billing, index);
    }

    /** The instant a validity ending on {@code until} is over: the start of the next day in the zone. */
    public static Instant endOf(LocalDate until, ZoneId zone) {
        return until.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The date of an instant in the zone. */
    public static LocalDate dateOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    private static LocalDate periodStart(LocalDate anchor, OfferTerms.Billing billing, int index) {
        return anchor.plusMonths((long) index * monthsPerPeriod(billing));
    }

    private static int monthsPerPeriod(OfferTerms.Billing billing) {
        return switch (billing) {
            case MONTHLY -> 1;
            case YEARLY -> 12;
        };
    }
}
