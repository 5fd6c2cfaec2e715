package fr.maillage.domain.place;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A bookable thing in a place (a desk, a meeting room, a 3D printer), with optional prices (VAT included). */
public record Resource(UUID id, NetworkId network, PlaceId place, ResourceKind kind, String name, int capacity,
        @Nullable Money pricePerHour, @Nullable Money pricePerHalfDay, @Nullable Money pricePerDay, boolean active,
        long version) {

    public Resource {
        Objects.requireNonNull(kind);
        if (capacity < 1 || capacity > 500) {
            throw new InvalidValueException("resource.capacity.range", 1, 500);
        }
    }
}
