package fr.maillage.application.people.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;

/**
 * An animator takes a role back. The last animator of a network keeps theirs; a person left without any role leaves
 * the network's organization.
 */
public interface RevokeRoleUseCase {

    void revoke(Caller caller, NetworkSlug network, String subject, NetworkRole role);
}
