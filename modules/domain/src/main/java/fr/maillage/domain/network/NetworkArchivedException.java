package fr.maillage.domain.network;

import fr.maillage.domain.shared.ConflictException;

/** An archived network is read-only. */
public final class NetworkArchivedException extends ConflictException {

    public NetworkArchivedException(NetworkSlug slug) {
        super("network.archived", slug.value());
    }
}
