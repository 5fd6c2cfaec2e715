package fr.maillage.application.shared;

import fr.maillage.domain.network.NetworkSlug;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking: the verified subject of the access token and what the identity provider says of them. Built by the
 * inbound adapters from a verified token, never from an unverified header. Authorization is decided in the
 * application layer with it (see {@code fr.maillage.application.access.AccessPolicy}).
 *
 * @param subject the identity provider's stable id of the person (the token's {@code sub})
 * @param platformAdmin whether the caller runs the platform (realm role {@code platform-admin})
 * @param organizations the aliases of the organizations (networks) the person belongs to, as the token says
 * @param email the person's email, when the token carries it
 */
public record Caller(String subject, boolean platformAdmin, Set<String> organizations, @Nullable String email) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
        organizations = Set.copyOf(organizations);
    }

    /** A caller acting for the platform itself (demo data, maintenance jobs). */
    public static Caller system(String name) {
        return new Caller("system:" + name, true, Set.of(), null);
    }

    /** Whether the token says the person belongs to the network's organization. */
    public boolean belongsTo(NetworkSlug network) {
        return organizations.contains(network.value());
    }

    /** Refuses, with {@link ForbiddenException}, a caller who does not run the platform. */
    public void requirePlatformAdmin() {
        if (!platformAdmin) {
            throw new ForbiddenException("access.platform-admin-required");
        }
    }
}
