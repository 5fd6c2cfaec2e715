package fr.maillage.application.offer.port.in;

import fr.maillage.application.setup.port.in.PlaceCommand;
import fr.maillage.application.shared.Fields;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An offer as its operator writes it. The scope is given as a type and, for {@code CHOSEN_PLACES}, place ids; whether
 * those places are the operator's (and whether the network allows passes) is checked by the use case.
 */
public record OfferCommand(OperatorId operator, String name, OfferTerms terms, Money price, @Nullable VatRate vatRate,
        ScopeType scopeType, Set<PlaceId> places) {

    public enum ScopeType { OPERATOR_PLACES, CHOSEN_PLACES, WHOLE_NETWORK }

    public record TermsInput(@Nullable String type, @Nullable String billing, @Nullable Integer entries,
            @Nullable String entryDuration, @Nullable String validity) {
    }

    public record ScopeInput(@Nullable String type, @Nullable List<@Nullable String> placeIds) {
    }

    public record Raw(@Nullable String operatorId, @Nullable String name, @Nullable TermsInput terms,
            @Nullable Long priceCents, @Nullable String vatRate, @Nullable ScopeInput scope) {
    }

    public static OfferCommand parse(Raw raw) {
        Fields fields = new Fields();
        OperatorId operator = fields.required("operatorId", raw.operatorId(), PlaceCommand::operatorId);
        String name = fields.required("name", raw.name(), n -> BoundedText.line(n, 2, 120, "offer.name.length"));
        OfferTerms terms = terms(fields, raw.terms());
        Money price = fields.required("priceCents", raw.priceCents(), Money::euros);
        VatRate vat = fields.optional("vatRate", raw.vatRate(), VatRate::percent);
        ScopeType scopeType = null;
        Set<PlaceId> places = Set.of();
        if (raw.scope() == null) {
            fields.reject("scope", "field.required");
        } else {
            scopeType = fields.required("scope.type", raw.scope().type(), t -> one(t, ScopeType.class,
                    "offer.scope.type.unknown"));
            if (scopeType == ScopeType.CHOSEN_PLACES) {
                List<PlaceId> ids = fields.eachOf("scope.placeIds", raw.scope().placeIds(), OfferCommand::placeId);
                if (raw.scope().placeIds() == null || raw.scope().placeIds().isEmpty()) {
                    fields.reject("scope.placeIds", "offer.scope.places.empty");
                } else if (ids != null) {
                    places = new LinkedHashSet<>(ids);
                }
            }
        }
        fields.throwIfInvalid();
        return new OfferCommand(operator, name, terms, price, vat, scopeType, places);
    }

    private static @Nullable OfferTerms terms(Fields fields, @Nullable TermsInput raw) {
        if (raw == null) {
            fields.reject("terms", "field.required");
            return null;
        }
        String type = fields.required("terms.type", raw.type(), t -> {
            String v = t.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (!List.of("SUBSCRIPTION", "CARD", "DAY_PASS").contains(v)) {
                throw new InvalidValueException("offer.terms.type.unknown", t);
            }
            return v;
        });
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "SUBSCRIPTION" -> {
                OfferTerms.Billing billing = fields.required("terms.billing", raw.billing(),
                        b -> one(b, OfferTerms.Billing.class, "offer.terms.billing.unknown"));
                yield billing == null ? null : new OfferTerms.Subscription(billing);
            }
            case "CARD" -> {
                Integer entries = fields.required("terms.entries", raw.entries(), e -> {
                    new OfferTerms.Card(e, Duration.ofHours(1), Period.ofYears(1));
                    return e;
                });
                Duration duration = fields.required("terms.entryDuration", raw.entryDuration(), d -> {
                    Duration parsed = duration(d);
                    new OfferTerms.Card(1, parsed, Period.ofYears(1));
                    return parsed;
                });
                Period validity = fields.required("terms.validity", raw.validity(), v -> {
                    Period parsed = period(v);
                    new OfferTerms.Card(1, Duration.ofHours(1), parsed);
                    return parsed;
                });
                yield entries == null || duration == null || validity == null ? null
                        : new OfferTerms.Card(entries, duration, validity);
            }
            default -> new OfferTerms.DayPass();
        };
    }

    /** An ISO-8601 duration ("PT3H") or a number of minutes ("180"). */
    static Duration duration(String raw) {
        String s = raw.strip();
        try {
            if (s.matches("\\d{1,5}")) {
                return Duration.ofMinutes(Integer.parseInt(s));
            }
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("offer.card.entry-duration.format", raw);
        }
    }

    /** An ISO-8601 period ("P1Y", "P6M"). */
    static Period period(String raw) {
        try {
            return Period.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("offer.card.validity.format", raw);
        }
    }

    /** A place's id as callers write it ({@code place.id.format} when malformed). */
    public static PlaceId placeId(String raw) {
        try {
            return new PlaceId(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("place.id.format");
        }
    }

    static <E extends Enum<E>> E one(String raw, Class<E> type, String code) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(code, raw);
        }
    }
}
