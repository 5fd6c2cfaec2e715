package fr.maillage.application.network;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.network.port.in.CreateNetworkCommand;
import fr.maillage.application.network.port.in.CreateNetworkUseCase;
import fr.maillage.application.network.port.in.FindNetworksQuery;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.in.UpdateNetworkCommand;
import fr.maillage.application.network.port.in.UpdateNetworkUseCase;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkSlugTakenException;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The network registry. Platform admins create, list and archive networks; a network's animators read and change
 * it; its other people read it. Anyone else is told it does not exist.
 *
 * <p>Creating a network creates its organization in the identity provider first (idempotently, the alias being the
 * slug), then the network row and its audit event in one transaction. If the provider fails, nothing is written
 * (503). If the database then fails, the organization is left without a network; retrying the creation adopts it.
 */
public final class NetworkService implements CreateNetworkUseCase, UpdateNetworkUseCase, FindNetworksQuery {

    private final LoadNetworkPort loadNetworks;
    private final SaveNetworkPort saveNetworks;
    private final UnitOfWorkPort unitOfWork;
    private final IdentityProviderPort identity;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    public NetworkService(LoadNetworkPort loadNetworks, SaveNetworkPort saveNetworks, UnitOfWorkPort unitOfWork,
            IdentityProviderPort identity, AccessPolicy access, AuditLog audit, Clock clock) {
        this.loadNetworks = loadNetworks;
        this.saveNetworks = saveNetworks;
        this.unitOfWork = unitOfWork;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Network createNetwork(Caller caller, CreateNetworkCommand command) {
        caller.requirePlatformAdmin();
        if (unitOfWork.readOnly(() -> loadNetworks.findBySlug(command.slug())).isPresent()) {
            throw new NetworkSlugTakenException(command.slug());
        }
        OrganizationRef organization = identity.ensureOrganization(command.slug().value(), command.name().value());
        NetworkId id = new NetworkId(Ids.newId(clock));
        return unitOfWork.inTenant(id, () -> {
            Network created = saveNetworks.insert(Network.create(id, command.slug(), command.name(),
                    command.territory(), command.timeZone(), organization.id(), clock.instant()));
            audit.record(id, caller, "network.created", created.slug().value(), Map.of(
                    "territory", String.join(",", created.territory().codes()), "timeZone", created.timeZone().id()));
            return created;
        });
    }

    @Override
    public Network updateNetwork(Caller caller, UpdateNetworkCommand command) {
        return access.inNetwork(caller, command.slug(), Permission.UPDATE_NETWORK, false, granted -> {
            Network current = granted.network();
            if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
                throw new StaleVersionException(true);
            }
            Network changed = current.change(command.name(), command.territory(), command.timeZone(),
                    clock.instant());
            if (command.networkPassesAllowed() != null) {
                changed = changed.allowNetworkPasses(command.networkPassesAllowed(), clock.instant());
            }
            if (changed == current) {
                return current;
            }
            Network saved = saveNetworks.update(changed);
            Map<String, String> details = new LinkedHashMap<>();
            if (command.name() != null) {
                details.put("name", "changed");
            }
            if (command.territory() != null) {
                details.put("territory", String.join(",", saved.territory().codes()));
            }
            if (command.timeZone() != null) {
                details.put("timeZone", saved.timeZone().id());
            }
            if (command.networkPassesAllowed() != null) {
                details.put("networkPassesAllowed", String.valueOf(saved.networkPassesAllowed()));
            }
            audit.record(saved.id(), caller, "network.updated", saved.slug().value(), details);
            return saved;
        });
    }

    @Override
    public Network archiveNetwork(Caller caller, NetworkSlug slug) {
        return access.inNetwork(caller, slug, Permission.ARCHIVE_NETWORK, false, granted -> {
            Network current = granted.network();
            Network archived = current.archive(clock.instant());
            if (archived == current) {
                return current;
            }
            Network saved = saveNetworks.update(archived);
            audit.record(saved.id(), caller, "network.archived", saved.slug().value(), Map.of());
            return saved;
        });
    }

    @Override
    public Network getNetwork(Caller caller, NetworkSlug slug) {
        return access.inNetwork(caller, slug, Permission.READ_NETWORK, true, granted -> granted.network());
    }

    @Override
    public Page<Network> listNetworks(Caller caller, NetworkListCriteria criteria) {
        caller.requirePlatformAdmin();
        return unitOfWork.readOnly(() -> loadNetworks.list(criteria));
    }
}
