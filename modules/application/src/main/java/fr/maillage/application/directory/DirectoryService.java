package fr.maillage.application.directory;

import fr.maillage.application.directory.port.in.PublicDirectoryQuery;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.Slug;
import java.util.ArrayList;
import java.util.List;

/** The public directory: read in the network's own tenant transaction, like everything else of a network. */
public final class DirectoryService implements PublicDirectoryQuery {

    /** A network's directory lists at most this many places (a network of small places has far fewer). */
    public static final int MAX_PLACES = 5_000;

    private final LoadNetworkPort networks;
    private final PlacePort places;
    private final UnitOfWorkPort unitOfWork;

    public DirectoryService(LoadNetworkPort networks, PlacePort places, UnitOfWorkPort unitOfWork) {
        this.networks = networks;
        this.places = places;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Directory directory(NetworkSlug slug) {
        Network network = publicNetwork(slug);
        List<StoredPlace> open = unitOfWork.readOnlyInTenant(network.id(), () -> {
            List<StoredPlace> all = new ArrayList<>();
            for (int page = 0; all.size() < MAX_PLACES; page++) {
                Page<StoredPlace> batch = places.list(null, true, new PageRequest(page, PageRequest.MAX_SIZE));
                all.addAll(batch.items());
                if (batch.items().size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
            return all;
        });
        return new Directory(network, open);
    }

    @Override
    public String stamp(NetworkSlug slug) {
        Network network = publicNetwork(slug);
        return network.id() + ":" + network.version() + ":"
                + unitOfWork.readOnlyInTenant(network.id(), places::openPlacesStamp);
    }

    @Override
    public StoredPlace openPlace(NetworkSlug slug, Slug placeSlug) {
        Network network = publicNetwork(slug);
        return unitOfWork.readOnlyInTenant(network.id(), () -> places.findBySlug(placeSlug)
                .filter(p -> p.place().isOpen())
                .orElseThrow(() -> new NotFoundException("place.not-found")));
    }

    private Network publicNetwork(NetworkSlug slug) {
        return unitOfWork.readOnly(() -> networks.findBySlug(slug))
                .filter(n -> !n.isArchived())
                .orElseThrow(() -> new NotFoundException("network.not-found", slug.value()));
    }
}
