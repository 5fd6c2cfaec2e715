package fr.maillage.application.network.port.out;

import fr.maillage.domain.network.Network;

/** Stores networks. */
public interface SaveNetworkPort {

    /**
     * Stores a new network and returns it as stored.
     *
     * @throws fr.maillage.domain.network.NetworkSlugTakenException when the slug is taken, even by a network
     *         stored concurrently
     */
    Network insert(Network network);

    /**
     * Stores a changed network if the stored one is still at {@code network.version()}, and returns it with its new
     * version.
     *
     * @throws fr.maillage.application.shared.StaleVersionException when it was changed meanwhile
     */
    Network update(Network network);
}
