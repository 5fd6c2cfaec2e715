package fr.maillage.domain.shared;

/** The request is well formed but conflicts with the current state (a taken slug, an archived network, ...). */
public class ConflictException extends DomainException {

    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
