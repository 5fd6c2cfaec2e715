package fr.maillage.adapter.rest.problem;

import org.springframework.http.HttpStatus;

/** An HTTP precondition ({@code If-Match}) that is malformed (400) or not met (412). */
public final class PreconditionException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private PreconditionException(HttpStatus status, String code) {
        super(code);
        this.status = status;
        this.code = code;
    }

    public static PreconditionException malformed() {
        return new PreconditionException(HttpStatus.BAD_REQUEST, "precondition.malformed");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
