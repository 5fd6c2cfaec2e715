package fr.maillage.application.directory;

import fr.maillage.application.directory.port.in.PublicDirectoryQuery;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.shared.Slug;
import java.util.ArrayList;
import java.util.List;

/** The public directory: read in the network's own tenant transaction, like everything else of a network. */
public final class DirectoryService implements PublicDirectoryQuery {

    /** A network's directory lists at most this many places (a network of small places has far fewer). */
    public static final int MAX_PLACES = 5_000;
    /** A network's directory shows at most this many offers. */
    public static final int MAX_OFFERS = 2_000;

    private final LoadNetworkPort networks;
    private final PlacePort places;
    private final OfferPort offers;
    private final UnitOfWorkPort unitOfWork;

    public DirectoryService(LoadNetworkPort networks, PlacePort places, OfferPort offers, UnitOfWorkPort unitOfWork) {
        this.networks = networks;
        this.places = places;
        this.offers = offers;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Directory directory(NetworkSlug slug) {
        Network network = publicNetwork(slug);
        return unitOfWork.readOnlyInTenant(network.id(), () -> {
            List<StoredPlace> all = new ArrayList<>();
            for (int page = 0; all.size() < MAX_PLACES; page++) {
                Page<StoredPlace> batch = places.list(null, true, new PageRequest(page, PageRequest.MAX_SIZE));
                all.addAll(batch.items());
                if (batch.items().size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
            return new Directory(network, all, offers.active(MAX_OFFERS));
        });
    }

    @Override
    public String stamp(NetworkSlug slug) {
        Network network = publicNetwork(slug);
        return network.id() + ":" + network.version() + ":"
                + unitOfWork.readOnlyInTenant(network.id(), () -> places.openPlacesStamp() + ":" + offers.stamp());
    }

    @Override
    public List<Offer> offersAt(NetworkSlug slug, Place place) {
        Network network = publicNetwork(slug);
        return unitOfWork.readOnlyInTenant(network.id(),
                () -> Directory.applying(offers.active(MAX_OFFERS), place));
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
