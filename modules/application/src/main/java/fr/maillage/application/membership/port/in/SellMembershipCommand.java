package fr.maillage.application.membership.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sale as the seller writes it: the offer, the start (a day pass's date, a subscription's first day; none for a
 * card) and whether a subscription renews itself. Rules that depend on the offer and on today are the use case's.
 */
public record SellMembershipCommand(UUID offer, @Nullable LocalDate startsOn, boolean autoRenew) {

    public record Raw(@Nullable String offerId, @Nullable String startsOn, @Nullable Boolean autoRenew) {
    }

    public static SellMembershipCommand parse(Raw raw) {
        Fields fields = new Fields();
        UUID offer = fields.required("offerId", raw.offerId(), id -> uuid(id, "offer.id.format"));
        LocalDate startsOn = fields.optional("startsOn", raw.startsOn(), d -> date(d, "membership.starts-on.format"));
        fields.throwIfInvalid();
        return new SellMembershipCommand(offer, startsOn, Boolean.TRUE.equals(raw.autoRenew()));
    }

    /** An id as callers write it. */
    public static UUID uuid(String raw, String code) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(code);
        }
    }

    /** A date as ISO-8601 writes it ({@code 2026-03-19}). */
    public static LocalDate date(String raw, String code) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(code, raw);
        }
    }
}
