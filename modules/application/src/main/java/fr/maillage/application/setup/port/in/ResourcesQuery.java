package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import java.util.List;

/** The resources of a place, for the people of its network (inactive ones included). */
public interface ResourcesQuery {

    List<Resource> resources(Caller caller, NetworkSlug network, PlaceId place);
}
