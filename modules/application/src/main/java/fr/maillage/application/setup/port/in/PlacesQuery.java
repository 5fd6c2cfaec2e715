package fr.maillage.application.setup.port.in;

import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;

/** The places of a network, for its people (all statuses). */
public interface PlacesQuery {

    Page<StoredPlace> places(Caller caller, NetworkSlug network, PageRequest page);

    StoredPlace place(Caller caller, NetworkSlug network, PlaceId place);
}
