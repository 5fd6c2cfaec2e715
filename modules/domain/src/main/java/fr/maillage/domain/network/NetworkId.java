package fr.maillage.domain.network;

import java.util.Objects;
import java.util.UUID;

/** The internal, immutable identity of a network (the tenant key of every tenant-owned row). */
public record NetworkId(UUID value) {

    public NetworkId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
