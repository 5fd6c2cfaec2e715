package fr.maillage.domain.offer;

import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.Set;

/** Where an offer can be used. */
public sealed interface OfferScope {

    /** Every place of the operator that sells it. */
    record OperatorPlaces() implements OfferScope {
    }

    /** Only these places (of the selling operator). */
    record ChosenPlaces(Set<PlaceId> places) implements OfferScope {

        public ChosenPlaces {
            if (places.isEmpty()) {
                throw new InvalidValueException("offer.scope.places.empty");
            }
            places = Set.copyOf(places);
        }
    }

    /** Every place of the network: a "pass réseau" (when the network allows them). */
    record WholeNetwork() implements OfferScope {
    }
}
