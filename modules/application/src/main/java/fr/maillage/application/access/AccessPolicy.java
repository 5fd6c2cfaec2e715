package fr.maillage.application.access;

import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.util.Set;
import java.util.function.Function;

/**
 * The tenant rule and the permissions. A network exists for a caller only if they run the platform, or if their
 * token says they belong to its organization AND they hold a role there; otherwise it, and everything in it, is
 * "not found" (404, never 403). Within a network they can see, a missing permission is "forbidden" (403).
 */
public final class AccessPolicy {

    private final LoadNetworkPort networks;
    private final NetworkRolePort roles;
    private final UnitOfWorkPort unitOfWork;

    public AccessPolicy(LoadNetworkPort networks, NetworkRolePort roles, UnitOfWorkPort unitOfWork) {
        this.networks = networks;
        this.roles = roles;
        this.unitOfWork = unitOfWork;
    }

    /**
     * Runs {@code work} in one transaction of the network (tenant) after checking that the caller may see the network
     * and has the permission.
     */
    public <T> T inNetwork(Caller caller, NetworkSlug slug, Permission permission, boolean readOnly,
            Function<NetworkAccess, T> work) {
        Network network = visibleNetwork(caller, slug);
        return readOnly
                ? unitOfWork.readOnlyInTenant(network.id(), () -> work.apply(check(caller, network, permission)))
                : unitOfWork.inTenant(network.id(), () -> work.apply(check(caller, network, permission)));
    }

    /** The network, if the caller may possibly see it (token and platform role); the roles are checked later. */
    private Network visibleNetwork(Caller caller, NetworkSlug slug) {
        if (!caller.platformAdmin() && !caller.belongsTo(slug)) {
            throw notFound(slug);
        }
        return unitOfWork.readOnly(() -> networks.findBySlug(slug)).orElseThrow(() -> notFound(slug));
    }

    /** Inside the network's transaction: the caller's roles there decide. */
    private NetworkAccess check(Caller caller, Network network, Permission permission) {
        Set<NetworkRole> held = roles.rolesOf(network.id(), caller.subject());
        if (held.isEmpty() && !caller.platformAdmin()) {
            throw notFound(network.slug());
        }
        NetworkAccess access = new NetworkAccess(network, held, caller.platformAdmin());
        if (!access.can(permission)) {
            throw new ForbiddenException("access.denied");
        }
        return access;
    }

    public static NotFoundException notFound(NetworkSlug slug) {
        return new NotFoundException("network.not-found", slug.value());
    }
}
