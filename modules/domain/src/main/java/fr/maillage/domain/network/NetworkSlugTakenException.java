package fr.maillage.domain.network;

import fr.maillage.domain.shared.ConflictException;

/** Slugs are unique across the platform, archived networks included (a slug is never reused). */
public final class NetworkSlugTakenException extends ConflictException {

    public NetworkSlugTakenException(NetworkSlug slug) {
        super("network.slug.taken", slug.value());
    }
}
