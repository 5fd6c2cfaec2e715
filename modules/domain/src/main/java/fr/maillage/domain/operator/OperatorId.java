package fr.maillage.domain.operator;

import java.util.Objects;
import java.util.UUID;

public record OperatorId(UUID value) {

    public OperatorId {
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
