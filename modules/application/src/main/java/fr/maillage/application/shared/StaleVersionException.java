package fr.maillage.application.shared;

import fr.maillage.domain.shared.ConflictException;

/**
 * Someone changed the object since the caller read it (optimistic locking). With an explicit precondition
 * ({@code If-Match}) the caller gets 412, otherwise 409.
 */
public final class StaleVersionException extends ConflictException {

    private final boolean explicitPrecondition;

    public StaleVersionException(boolean explicitPrecondition) {
        super("object.changed-meanwhile");
        this.explicitPrecondition = explicitPrecondition;
    }

    public boolean explicitPrecondition() {
        return explicitPrecondition;
    }
}
