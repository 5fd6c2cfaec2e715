package fr.maillage.application.identity;

import java.util.Objects;

/** A network's organization in the identity provider: its id there and its alias (the network's slug). */
public record OrganizationRef(String id, String alias) {

    public OrganizationRef {
        Objects.requireNonNull(id);
        Objects.requireNonNull(alias);
    }
}
