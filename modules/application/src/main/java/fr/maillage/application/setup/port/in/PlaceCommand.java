package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.Accessibility;
import fr.maillage.domain.place.Coordinates;
import fr.maillage.domain.place.InseeCode;
import fr.maillage.domain.place.LocalizedText;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.place.PlaceKind;
import fr.maillage.domain.place.PlaceService;
import fr.maillage.domain.place.PlaceStatus;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.PostalAddress;
import fr.maillage.domain.shared.Slug;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A place's details (the hours are given apart, see {@link OpeningHoursCommand}). */
public record PlaceCommand(OperatorId operator, @Nullable Slug slug, String name, Set<PlaceKind> kinds,
        PostalAddress address, String commune, InseeCode insee, Coordinates coordinates, int capacity,
        Set<PlaceService> services, @Nullable String servicesNote, Accessibility accessibility, PlaceStatus status,
        LocalizedText description) {

    public record Raw(@Nullable String operatorId, @Nullable String slug, @Nullable String name,
            @Nullable List<String> kinds, OperatorCommand.@Nullable AddressInput address, @Nullable String commune,
            @Nullable String insee, @Nullable Double latitude, @Nullable Double longitude, @Nullable Integer capacity,
            @Nullable List<String> services, @Nullable String servicesNote, @Nullable Boolean stepFreeAccess,
            @Nullable Boolean accessibleToilets, @Nullable String accessibilityNote, @Nullable String status,
            @Nullable String descriptionFr, @Nullable String descriptionEn) {
    }

    public static PlaceCommand parse(Raw raw, Fields fields) {
        OperatorId operator = fields.required("operatorId", raw.operatorId(), PlaceCommand::operatorId);
        Slug slug = fields.optional("slug", raw.slug(), Slug::of);
        String name = fields.required("name", raw.name(), n -> BoundedText.line(n, 2, 120, "place.name.length"));
        Set<PlaceKind> kinds = fields.required("kinds", raw.kinds(), k -> {
            if (k.isEmpty()) {
                throw new InvalidValueException("place.kinds.empty");
            }
            return enums(k, PlaceKind.class, "place.kind.unknown");
        });
        PostalAddress address = OperatorCommand.address(fields, "address", raw.address());
        String commune = fields.required("commune", raw.commune(), c -> BoundedText.line(c, 1, 120, "place.commune.length"));
        InseeCode insee = fields.required("insee", raw.insee(), InseeCode::of);
        Double latitude = fields.required("latitude", raw.latitude(), l -> new Coordinates(l, 0).latitude());
        Double longitude = fields.required("longitude", raw.longitude(), l -> new Coordinates(0, l).longitude());
        Coordinates coordinates = latitude == null || longitude == null ? null : new Coordinates(latitude, longitude);
        Integer capacity = fields.required("capacity", raw.capacity(), c -> {
            if (c < 1 || c > Place.MAX_CAPACITY) {
                throw new InvalidValueException("place.capacity.range", 1, Place.MAX_CAPACITY);
            }
            return c;
        });
        Set<PlaceService> services = fields.optional("services", raw.services(),
                s -> enums(s, PlaceService.class, "place.service.unknown"));
        String servicesNote = fields.optional("servicesNote", raw.servicesNote(),
                n -> BoundedText.paragraphs(n, 1_000, "text.length"));
        Accessibility accessibility = fields.optional("accessibilityNote", raw, r -> new Accessibility(
                Boolean.TRUE.equals(r.stepFreeAccess()), Boolean.TRUE.equals(r.accessibleToilets()),
                r.accessibilityNote()));
        PlaceStatus status = fields.optional("status", raw.status(),
                s -> one(s, PlaceStatus.class, "place.status.unknown"));
        LocalizedText description = fields.optional("description", raw,
                r -> new LocalizedText(r.descriptionFr(), r.descriptionEn()));
        fields.throwIfInvalid();
        return new PlaceCommand(operator, slug, name, kinds, address, commune, insee, coordinates, capacity,
                services == null ? Set.of() : services, servicesNote,
                accessibility == null ? Accessibility.UNKNOWN : accessibility,
                status == null ? PlaceStatus.OPEN : status, description == null ? LocalizedText.EMPTY : description);
    }

    /** An operator's id as callers write it ({@code operator.id.format} when malformed). */
    public static OperatorId operatorId(String raw) {
        try {
            return new OperatorId(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("operator.id.format");
        }
    }

    static <E extends Enum<E>> E one(String raw, Class<E> type, String code) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(code, raw);
        }
    }

    static <E extends Enum<E>> Set<E> enums(List<String> raw, Class<E> type, String code) {
        Set<E> values = EnumSet.noneOf(type);
        for (String item : raw) {
            values.add(one(String.valueOf(item), type, code));
        }
        return values;
    }
}
