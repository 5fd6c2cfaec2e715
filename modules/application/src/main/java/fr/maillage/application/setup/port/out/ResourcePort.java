package fr.maillage.application.setup.port.out;

import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Resources of the places of the current network (runs inside its tenant transaction). */
public interface ResourcePort {

    Optional<Resource> find(UUID id);

    /** The resources of a place, sorted by name. */
    List<Resource> ofPlace(PlaceId place);

    Resource insert(Resource resource);

    /** @throws fr.maillage.application.shared.StaleVersionException when the version moved */
    Resource update(Resource resource);
}
