package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Animators manage the resources of every place; managers those of the places of the operators they run (another
 * operator's place answers 404).
 */
public interface ManageResourcesUseCase {

    Resource createResource(Caller caller, NetworkSlug network, PlaceId place, ResourceCommand.Raw resource);

    Resource updateResource(Caller caller, NetworkSlug network, PlaceId place, UUID resource,
            ResourceCommand.Raw details, @Nullable Long expectedVersion);
}
