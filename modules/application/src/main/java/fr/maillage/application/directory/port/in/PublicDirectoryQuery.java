package fr.maillage.application.directory.port.in;

import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.Slug;
import java.util.List;

/**
 * What the public sees of a network, without logging in: the network and its open places (not projects, not
 * closed places), sorted by name. An unknown or archived network does not exist here.
 */
public interface PublicDirectoryQuery {

    Directory directory(NetworkSlug network);

    /**
     * A fingerprint of what the directory shows (the network's version and its open places): equal fingerprints
     * mean equal data, so a rendering may be reused (until the hours it shows change with time).
     */
    String stamp(NetworkSlug network);

    StoredPlace openPlace(NetworkSlug network, Slug place);

    record Directory(Network network, List<StoredPlace> places) {
    }
}
