package fr.maillage.application.network;

import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import java.time.Clock;

/** The identity provider's organization of a network (one per network, its alias the network's slug). */
public final class NetworkOrganizations {

    private final IdentityProviderPort identity;
    private final LoadNetworkPort loadNetworks;
    private final SaveNetworkPort saveNetworks;
    private final UnitOfWorkPort unitOfWork;
    private final Clock clock;

    public NetworkOrganizations(IdentityProviderPort identity, LoadNetworkPort loadNetworks,
            SaveNetworkPort saveNetworks, UnitOfWorkPort unitOfWork, Clock clock) {
        this.identity = identity;
        this.loadNetworks = loadNetworks;
        this.saveNetworks = saveNetworks;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The network's organization, created and recorded now for a network that predates organizations. */
    public OrganizationRef of(Network network) {
        OrganizationRef organization = identity.ensureOrganization(network.slug().value(), network.name().value());
        if (!organization.id().equals(network.organizationId())) {
            unitOfWork.inTransaction(() -> saveNetworks.update(
                    loadNetworks.findBySlug(network.slug()).orElseThrow().withOrganization(organization.id(),
                            clock.instant())));
        }
        return organization;
    }
}
