package fr.maillage.domain.member;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the member agreed to: the network's terms (when, or not yet for a member a manager created), and news by
 * email (opt-in, never pre-ticked).
 */
public record Consents(@Nullable Instant termsAcceptedAt, boolean newsletter) {

    public static Consents none() {
        return new Consents(null, false);
    }
}
