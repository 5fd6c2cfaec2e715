package fr.maillage.application.access;

import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkArchivedException;
import fr.maillage.domain.network.NetworkRole;
import java.util.Set;

/** A caller's standing in one network: the network, their roles there, whether they run the platform. */
public record NetworkAccess(Network network, Set<NetworkRole> roles, boolean platformAdmin) {

    public NetworkAccess {
        roles = Set.copyOf(roles);
    }

    /** Whether the caller administers the whole network (platform admin or animator), not only some operators. */
    public boolean administersNetwork() {
        return platformAdmin || roles.contains(NetworkRole.ANIMATOR);
    }

    /**
     * The network, for a change: an archived network is read-only.
     *
     * @throws NetworkArchivedException when it is archived
     */
    public Network writableNetwork() {
        if (network.isArchived()) {
            throw new NetworkArchivedException(network.slug());
        }
        return network;
    }

    public boolean can(Permission permission) {
        return platformAdmin && Permission.ofPlatformAdmin().contains(permission)
                || roles.stream().anyMatch(role -> Permission.of(role).contains(permission));
    }
}
