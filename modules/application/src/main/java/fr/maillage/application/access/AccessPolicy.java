package fr.maillage.application.access;

import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The tenant rule and the permissions. A network exists for a caller only if they run the platform, or if their
 * token says they belong to its organization AND they hold a role there; otherwise it, and everything in it, is
 * "not found" (404, never 403). Within a network they can see, a missing permission is "forbidden" (403).
 *
 * <p><b>The network by its slug, without a transaction of its own.</b> The networks already met are kept by slug (a
 * slug never changes, a network is never deleted). The copy is only a hint: the statement that opens the network's
 * transaction also reads the network's version, status and time zone ({@link UnitOfWorkPort#inTenant(NetworkId,
 * boolean, Function)}); when they differ from the copy (the network was renamed, archived, moved to another time zone,
 * by this instance or another one) the network is read again inside that transaction before anything is decided. So an
 * archived network is refused at once on every instance, and a request costs one transaction, not two.
 */
public final class AccessPolicy {

    private final LoadNetworkPort networks;
    private final NetworkRolePort roles;
    private final UnitOfWorkPort unitOfWork;
    /** The networks already met, by slug; emptied when it grows past {@value #KNOWN_MAX} (a bound, not an LRU). */
    private final Map<NetworkSlug, Network> known = new ConcurrentHashMap<>();
    private static final int KNOWN_MAX = 10_000;

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
        Network hint = visibleNetwork(caller, slug);
        return unitOfWork.inTenant(hint.id(), readOnly, state -> {
            Network network = hint;
            if (!Objects.equals(state, stateOf(hint))) {
                network = networks.findBySlug(slug).filter(n -> n.id().equals(hint.id()))
                        .orElseThrow(() -> notFound(slug));
                remember(network);
            }
            return work.apply(check(caller, network, permission));
        });
    }

    private static String stateOf(Network network) {
        return UnitOfWorkPort.networkState(network.version(), network.status().name(), network.timeZone().id());
    }

    private void remember(Network network) {
        if (known.size() >= KNOWN_MAX) {
            known.clear();
        }
        known.put(network.slug(), network);
    }

    /** The network, if the caller may possibly see it (token and platform role); the roles are checked later. */
    private Network visibleNetwork(Caller caller, NetworkSlug slug) {
        if (!caller.platformAdmin() && !caller.belongsTo(slug)) {
            throw notFound(slug);
        }
        Network network = known.get(slug);
        if (network == null) {
            network = unitOfWork.readOnly(() -> networks.findBySlug(slug)).orElseThrow(() -> notFound(slug));
            remember(network);
        }
        return network;
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
