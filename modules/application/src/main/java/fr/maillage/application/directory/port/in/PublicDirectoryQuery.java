package fr.maillage.application.directory.port.in;

import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.shared.Slug;
import java.util.List;

/**
 * What the public sees of a network, without logging in: the network and its open places (not projects, not
 * closed places), sorted by name, with the offers on sale that apply to each. An unknown or archived network does not exist here.
 */
public interface PublicDirectoryQuery {

    Directory directory(NetworkSlug network);

    /**
     * A fingerprint of what the directory shows (the network's version, its open places and its offers): equal fingerprints
     * mean equal data, so a rendering may be reused (until the hours it shows change with time).
     */
    String stamp(NetworkSlug network);

    StoredPlace openPlace(NetworkSlug network, Slug place);

    /** The offers on sale that can be used in this place (see {@link Directory#offersAt}). */
    List<Offer> offersAt(NetworkSlug network, Place place);

    /** The network, its open places and the offers on sale (not archived) in the network. */
    record Directory(Network network, List<StoredPlace> places, List<Offer> offers) {

        /**
         * The offers that apply to a place: its operator's offers for all its places, those that chose it, and the
         * network passes.
         */
        public List<Offer> offersAt(Place place) {
            return applying(offers, place);
        }

        public static List<Offer> applying(List<Offer> offers, Place place) {
            return offers.stream().filter(o -> !o.archived() && switch (o.scope()) {
                case OfferScope.OperatorPlaces p -> o.operator().equals(place.operator());
                case OfferScope.ChosenPlaces p -> p.places().contains(place.id());
                case OfferScope.WholeNetwork p -> true;
            }).toList();
        }
    }
}
