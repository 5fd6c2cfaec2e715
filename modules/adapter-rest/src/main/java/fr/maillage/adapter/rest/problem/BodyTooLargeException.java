package fr.maillage.adapter.rest.problem;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A request body that grew past the limit while being read: answered with 413. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The exception among {@code error}'s causes, if reading the body failed because it grew past the limit. */
    static @Nullable BodyTooLargeException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException e) {
                return e;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
