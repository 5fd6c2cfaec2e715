package fr.maillage.domain.place;

import java.util.Objects;
import java.util.UUID;

public record PlaceId(UUID value) {

    public PlaceId {
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
