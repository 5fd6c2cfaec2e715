package fr.maillage.application.setup.port.in;

import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import org.jspecify.annotations.Nullable;

/**
 * Animators set up every place of their network; managers only the places of the operators they run (another
 * operator's place answers 404). Hours omitted: none (always closed) on creation, unchanged on update.
 */
public interface ManagePlacesUseCase {

    StoredPlace createPlace(Caller caller, NetworkSlug network, PlaceCommand.Raw place,
            @Nullable OpeningHoursCommand hours);

    StoredPlace updatePlace(Caller caller, NetworkSlug network, PlaceId place, PlaceCommand.Raw details,
            @Nullable OpeningHoursCommand hours, @Nullable Long expectedVersion);
}
