package fr.maillage.application.access.port.out;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import java.time.Instant;

/** A role given to a person in a network, by whom and when. */
public record RoleGrant(NetworkId network, String subject, EmailAddress email, NetworkRole role, Instant grantedAt,
        String grantedBy) {
}
