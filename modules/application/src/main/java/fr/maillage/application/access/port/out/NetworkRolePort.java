package fr.maillage.application.access.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import java.util.Set;

/** The roles people hold in a network. Runs inside a transaction of that network (tenant). */
public interface NetworkRolePort {

    Set<NetworkRole> rolesOf(NetworkId network, String subject);

    /** Grants the role; {@code false} if the person already held it (nothing changes then). */
    boolean grant(RoleGrant grant);

    /** Revokes the role; {@code false} if the person did not hold it. */
    boolean revoke(NetworkId network, String subject, NetworkRole role);

    long holders(NetworkId network, NetworkRole role);

    /** The people holding at least one role, sorted by email. */
    Page<PersonRoles> people(NetworkId network, PageRequest page);
}
