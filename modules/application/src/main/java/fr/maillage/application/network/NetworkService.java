package fr.maillage.application.network;

import fr.maillage.application.network.port.in.CreateNetworkCommand;
import fr.maillage.application.network.port.in.CreateNetworkUseCase;
import fr.maillage.application.network.port.in.FindNetworksQuery;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.in.UpdateNetworkCommand;
import fr.maillage.application.network.port.in.UpdateNetworkUseCase;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkSlugTakenException;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;

/**
 * The network registry. Only platform admins manage networks; a caller who may not see a network is told it does
 * not exist.
 */
public final class NetworkService implements CreateNetworkUseCase, UpdateNetworkUseCase, FindNetworksQuery {

    private final LoadNetworkPort loadNetworks;
    private final SaveNetworkPort saveNetworks;
    private final UnitOfWorkPort unitOfWork;
    private final Clock clock;

    public NetworkService(LoadNetworkPort loadNetworks, SaveNetworkPort saveNetworks, UnitOfWorkPort unitOfWork,
            Clock clock) {
        this.loadNetworks = loadNetworks;
        this.saveNetworks = saveNetworks;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Network createNetwork(Caller caller, CreateNetworkCommand command) {
        caller.requirePlatformAdmin();
        return unitOfWork.inTransaction(() -> {
            if (loadNetworks.findBySlug(command.slug()).isPresent()) {
                throw new NetworkSlugTakenException(command.slug());
            }
            Network network = Network.create(new NetworkId(Ids.newId(clock)), command.slug(), command.name(),
                    command.territory(), command.timeZone(), clock.instant());
            return saveNetworks.insert(network);
        });
    }

    @Override
    public Network updateNetwork(Caller caller, UpdateNetworkCommand command) {
        return unitOfWork.inTransaction(() -> {
            Network current = visibleNetwork(caller, command.slug());
            caller.requirePlatformAdmin();
            if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
                throw new StaleVersionException(true);
            }
            Network changed = current.change(command.name(), command.territory(), command.timeZone(), clock.instant());
            return changed == current ? current : saveNetworks.update(changed);
        });
    }

    @Override
    public Network archiveNetwork(Caller caller, NetworkSlug slug) {
        return unitOfWork.inTransaction(() -> {
            Network current = visibleNetwork(caller, slug);
            caller.requirePlatformAdmin();
            Network archived = current.archive(clock.instant());
            return archived == current ? current : saveNetworks.update(archived);
        });
    }

    @Override
    public Network getNetwork(Caller caller, NetworkSlug slug) {
        return unitOfWork.readOnly(() -> visibleNetwork(caller, slug));
    }

    @Override
    public Page<Network> listNetworks(Caller caller, NetworkListCriteria criteria) {
        caller.requirePlatformAdmin();
        return unitOfWork.readOnly(() -> loadNetworks.list(criteria));
    }

    /** The network if this caller may see it; otherwise "not found", whether it exists or not. */
    private Network visibleNetwork(Caller caller, NetworkSlug slug) {
        if (!caller.platformAdmin()) {
            throw new NotFoundException("network.not-found", slug.value());
        }
        return loadNetworks.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("network.not-found", slug.value()));
    }
}
