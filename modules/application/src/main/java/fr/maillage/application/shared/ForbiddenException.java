package fr.maillage.application.shared;

import fr.maillage.domain.shared.DomainException;

/** The caller is known but may not do this. Only for actions whose target exists for everyone (platform-wide). */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String code, Object... arguments) {
        super(code, arguments);
    }
}
