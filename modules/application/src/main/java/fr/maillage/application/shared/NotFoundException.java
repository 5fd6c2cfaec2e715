package fr.maillage.application.shared;

import fr.maillage.domain.shared.DomainException;

/** No such object, or none that the caller may see (the two are never told apart: another tenant's object is 404). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String code, Object... arguments) {
        super(code, arguments);
    }
}
