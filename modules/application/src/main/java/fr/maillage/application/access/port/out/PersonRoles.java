package fr.maillage.application.access.port.out;

import fr.maillage.domain.network.NetworkRole;
import java.util.Set;

/** A person in a network and the roles they hold there. */
public record PersonRoles(String subject, String email, Set<NetworkRole> roles) {

    public PersonRoles {
        roles = Set.copyOf(roles);
    }
}
