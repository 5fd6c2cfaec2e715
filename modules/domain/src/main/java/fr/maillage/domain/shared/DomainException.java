package fr.maillage.domain.shared;

import java.util.List;

/**
 * A business rule said no. Carries a stable {@link #code()} (also the message key the adapters translate)
 * and the arguments of the message, never a ready-made sentence: the domain does not know the caller's language.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    protected DomainException(String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
