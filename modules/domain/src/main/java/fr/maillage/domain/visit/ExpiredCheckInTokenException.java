package fr.maillage.domain.visit;

import fr.maillage.domain.shared.ConflictException;
import java.time.Instant;

/**
 * A genuine check-in token that is too old: the member scanned a code that is no longer shown (or kept a photo of
 * it). The REST adapter answers 410 Gone; elsewhere it is a conflict.
 */
public final class ExpiredCheckInTokenException extends ConflictException {

    private final Instant expiredAt;

    public ExpiredCheckInTokenException(Instant expiredAt) {
        super("check-in.token.expired");
        this.expiredAt = expiredAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
