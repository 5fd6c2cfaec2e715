package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.place.ResourceKind;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import org.jspecify.annotations.Nullable;

/** A resource of a place (a desk, a meeting room, a machine) with its optional prices, VAT included. */
public record ResourceCommand(ResourceKind kind, String name, int capacity, @Nullable Money pricePerHour,
        @Nullable Money pricePerHalfDay, @Nullable Money pricePerDay, boolean active) {

    public record Raw(@Nullable String kind, @Nullable String name, @Nullable Integer capacity,
            @Nullable Long pricePerHourCents, @Nullable Long pricePerHalfDayCents, @Nullable Long pricePerDayCents,
            @Nullable Boolean active) {
    }

    public static ResourceCommand parse(Raw raw) {
        Fields fields = new Fields();
        ResourceKind kind = fields.required("kind", raw.kind(),
                k -> PlaceCommand.one(k, ResourceKind.class, "resource.kind.unknown"));
        String name = fields.required("name", raw.name(), n -> BoundedText.line(n, 2, 120, "resource.name.length"));
        Integer capacity = fields.required("capacity", raw.capacity(), c -> {
            if (c < 1 || c > 500) {
                throw new InvalidValueException("resource.capacity.range", 1, 500);
            }
            return c;
        });
        Money hour = fields.optional("pricePerHourCents", raw.pricePerHourCents(), Money::euros);
        Money halfDay = fields.optional("pricePerHalfDayCents", raw.pricePerHalfDayCents(), Money::euros);
        Money day = fields.optional("pricePerDayCents", raw.pricePerDayCents(), Money::euros);
        fields.throwIfInvalid();
        return new ResourceCommand(kind, name, capacity, hour, halfDay, day, !Boolean.FALSE.equals(raw.active()));
    }
}
