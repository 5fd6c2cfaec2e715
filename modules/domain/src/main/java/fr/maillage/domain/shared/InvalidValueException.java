package fr.maillage.domain.shared;

/** A value object refused its input (a malformed slug, an unknown département, ...). */
public final class InvalidValueException extends DomainException {

    public InvalidValueException(String code, Object... arguments) {
        super(code, arguments);
    }
}
