package fr.maillage.application.shared;

import java.util.Objects;

/**
 * Who is asking: the verified subject of the access token and what the platform grants them. Built by the inbound
 * adapters from a verified token, never from an unverified header. Authorization is decided in the application
 * layer with it.
 *
 * @param subject the identity provider's stable id of the person (the token's {@code sub})
 * @param platformAdmin whether the caller runs the platform (realm role {@code platform-admin})
 */
public record Caller(String subject, boolean platformAdmin) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
    }

    /** Refuses, with {@link ForbiddenException}, a caller who does not run the platform. */
    public void requirePlatformAdmin() {
        if (!platformAdmin) {
            throw new ForbiddenException("access.platform-admin-required");
        }
    }
}
