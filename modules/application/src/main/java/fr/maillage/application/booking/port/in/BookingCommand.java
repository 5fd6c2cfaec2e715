package fr.maillage.application.booking.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.booking.BookingRules;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A booking as its author writes it: {@code start} and {@code end} are ISO-8601 date-times, either with an offset
 * ({@code 2026-03-02T09:00:00+01:00}, {@code 2026-03-02T08:00:00Z}: an instant) or without
 * ({@code 2026-03-02T09:00}: a time of the network's clock, see {@link BookingRules#instantOf}); {@code memberId}
 * names the member a manager books for (absent: the caller books for themself).
 */
public record BookingCommand(Instant start, Instant end, @Nullable String note, @Nullable MemberId member) {

    public record Raw(@Nullable String start, @Nullable String end, @Nullable String note,
            @Nullable String memberId) {
    }

    /**
     * Reads every field at once against the rules of {@link BookingRules} in {@code zone} at {@code now};
     * {@code memberExists} tells whether a member of the network has that id ({@code memberId: member.not-found}).
     */
    public static BookingCommand parse(Raw raw, ZoneId zone, Instant now, Predicate<MemberId> memberExists) {
        Fields fields = new Fields();
        Instant start = fields.required("start", raw.start(), s -> BookingRules.checkStart(time(s, zone), now, zone));
        Instant end = fields.required("end", raw.end(), e -> BookingRules.checkEnd(time(e, zone), zone));
        if (start != null && end != null) {
            fields.optional("end", end, e -> {
                BookingRules.checkLength(start, e);
                return e;
            });
        }
        String note = fields.optional("note", raw.note(),
                n -> BoundedText.paragraphs(n, BookingRules.MAX_NOTE_LENGTH, "booking.note.length"));
        MemberId member = fields.optional("memberId", raw.memberId(), m -> {
            MemberId id = memberId(m);
            if (!memberExists.test(id)) {
                throw new InvalidValueException("member.not-found");
            }
            return id;
        });
        fields.throwIfInvalid();
        return new BookingCommand(start, end, note == null || note.isEmpty() ? null : note, member);
    }

    /** An instant from an ISO date-time with an offset, or from a local one of {@code zone}. */
    public static Instant time(String raw, ZoneId zone) {
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return BookingRules.instantOf(LocalDateTime.parse(s), zone);
            } catch (DateTimeException e) {
                throw new InvalidValueException("booking.time.malformed", raw);
            }
        }
    }

    /** A bound of a period: as {@link #time}, or a date ({@code 2026-03-02}) for the start of that day in zone. */
    public static Instant bound(String raw, ZoneId zone) {
        String s = raw.strip();
        if (s.length() == 10) {
            try {
                return LocalDate.parse(s).atStartOfDay(zone).toInstant();
            } catch (DateTimeException e) {
                throw new InvalidValueException("booking.time.malformed", raw);
            }
        }
        return time(s, zone);
    }

    /** A member's id as callers write it ({@code member.id.format} when malformed). */
    public static MemberId memberId(String raw) {
        try {
            return new MemberId(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("member.id.format");
        }
    }
}
