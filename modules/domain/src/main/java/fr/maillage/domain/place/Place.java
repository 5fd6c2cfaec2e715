package fr.maillage.domain.place;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.PostalAddress;
import fr.maillage.domain.shared.Slug;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tiers-lieu run by one operator of the network: La Serre in Serres (05), Les Tuves in Buis-les-Baronnies (26),
 * La Locomotive in Gap (05)...
 *
 * @param commune the commune's name; {@code insee} its official code, which gives the département
 */
public record Place(PlaceId id, NetworkId network, OperatorId operator, Slug slug, String name, Set<PlaceKind> kinds,
        PostalAddress address, String commune, InseeCode insee, Coordinates coordinates, int capacity,
        Set<PlaceService> services, @Nullable String servicesNote, Accessibility accessibility, PlaceStatus status,
        LocalizedText description, Instant createdAt, Instant updatedAt, long version) {

    public static final int MAX_CAPACITY = 2_000;

    public Place {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(operator);
        if (kinds.isEmpty()) {
            throw new InvalidValueException("place.kinds.empty");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidValueException("place.capacity.range", 1, MAX_CAPACITY);
        }
        Objects.requireNonNull(status);
    }

    public boolean isOpen() {
        return status == PlaceStatus.OPEN;
    }
}
