package fr.maillage.application.visit.port.in;

import fr.maillage.application.offer.port.in.OfferCommand;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.visit.port.out.AttendancePort.Granularity;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which attendance to compute: per {@code DAY} or {@code MONTH}, for the local dates {@code from} to {@code to}
 * (both included; for months, the months holding them), optionally for one place. At most
 * {@value #MAX_DAYS} days per day and {@value #MAX_MONTHS} months per month. Defaults: per day, from the first day of
 * the current month (network time), to the last day of the month of {@code from}.
 */
public record AttendanceCriteria(Granularity granularity, LocalDate from, LocalDate to, @Nullable PlaceId place) {

    public static final int MAX_DAYS = 366;
    public static final int MAX_MONTHS = 36;

    public record Raw(@Nullable String granularity, @Nullable String from, @Nullable String to,
            @Nullable String placeId) {
    }

    /** @param today the local date now, in the network's time zone (for the defaults) */
    public static AttendanceCriteria parse(Raw raw, LocalDate today) {
        Fields fields = new Fields();
        Granularity granularity = raw.granularity() == null ? Granularity.DAY
                : fields.required("granularity", raw.granularity(), AttendanceCriteria::granularity);
        LocalDate from = raw.from() == null ? today.withDayOfMonth(1)
                : fields.required("from", raw.from(), AttendanceCriteria::date);
        LocalDate to = raw.to() == null ? (from == null ? null : from.withDayOfMonth(from.lengthOfMonth()))
                : fields.required("to", raw.to(), AttendanceCriteria::date);
        PlaceId place = fields.optional("placeId", raw.placeId(), OfferCommand::placeId);
        if (from != null && to != null && granularity != null) {
            if (to.isBefore(from)) {
                fields.reject("to", "attendance.period.invalid");
            } else if (granularity == Granularity.DAY && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                fields.reject("to", "attendance.period.too-long.days", MAX_DAYS);
            } else if (granularity == Granularity.MONTH && ChronoUnit.MONTHS.between(from.withDayOfMonth(1),
                    to.withDayOfMonth(1)) >= MAX_MONTHS) {
                fields.reject("to", "attendance.period.too-long.months", MAX_MONTHS);
            }
        }
        fields.throwIfInvalid();
        if (granularity == Granularity.MONTH) {
            from = from.withDayOfMonth(1);
            to = to.withDayOfMonth(to.lengthOfMonth());
        }
        return new AttendanceCriteria(granularity, from, to, place);
    }

    /** A local date as {@code YYYY-MM-DD} ({@code date.format} otherwise). */
    public static LocalDate date(String raw) {
        try {
            LocalDate date = LocalDate.parse(raw.strip());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw new InvalidValueException("date.out-of-range", raw);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date.format", raw);
        }
    }

    private static Granularity granularity(String raw) {
        try {
            return Granularity.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("attendance.granularity.unknown", raw);
        }
    }
}
