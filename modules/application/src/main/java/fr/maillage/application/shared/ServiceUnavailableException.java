package fr.maillage.application.shared;

import fr.maillage.domain.shared.DomainException;

/**
 * A component the use case needs (the database, the identity provider, ...) cannot be reached now. Nothing was
 * changed; the caller may try again later.
 */
public final class ServiceUnavailableException extends DomainException {

    public ServiceUnavailableException(String dependency, Throwable cause) {
        super("service.unavailable", dependency);
        initCause(cause);
    }
}
