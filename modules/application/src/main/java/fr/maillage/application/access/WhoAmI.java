package fr.maillage.application.access;

import fr.maillage.application.access.port.in.WhoAmIQuery;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's networks: those their token names, where they hold a role. Each network is read in its own tenant
 * transaction (isolation holds even here).
 */
public final class WhoAmI implements WhoAmIQuery {

    private final LoadNetworkPort networks;
    private final NetworkRolePort roles;
    private final UnitOfWorkPort unitOfWork;

    public WhoAmI(LoadNetworkPort networks, NetworkRolePort roles, UnitOfWorkPort unitOfWork) {
        this.networks = networks;
        this.roles = roles;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Me whoAmI(Caller caller) {
        List<Membership> memberships = new ArrayList<>();
        for (String alias : caller.organizations().stream().sorted().toList()) {
            Optional<Network> network;
            try {
                NetworkSlug slug = NetworkSlug.of(alias);
                network = unitOfWork.readOnly(() -> networks.findBySlug(slug));
            } catch (InvalidValueException notOurs) {
                continue;
            }
            if (network.isEmpty()) {
                continue;
            }
            Network n = network.get();
            Set<NetworkRole> held = unitOfWork.readOnlyInTenant(n.id(), () -> roles.rolesOf(n.id(), caller.subject()));
            if (!held.isEmpty()) {
                memberships.add(new Membership(n.slug(), n.name(), held));
            }
        }
        memberships.sort(Comparator.comparing(m -> m.slug().value()));
        return new Me(caller.subject(), caller.platformAdmin(), memberships);
    }
}
