package fr.maillage.application.payment.port.in;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The payment provider's events (webhook deliveries and the reconciliation): each applied once, whatever the order
 * or the repetitions; an event whose effect fails leaves nothing behind (not even its id), so that a redelivery
 * completes it.
 */
public interface ProviderEventsUseCase {

    /**
     * A webhook delivery: the signature is checked on the raw body, then the event applied.
     *
     * @throws fr.maillage.domain.shared.InvalidValueException {@code stripe.webhook.signature},
     *     {@code stripe.webhook.payload}
     * @throws fr.maillage.domain.shared.ConflictException {@code payment.online.not-configured}
     */
    Outcome receive(byte[] payload, @Nullable String signature);

    /**
     * Fetches, for every connected account of every network, the events created since {@code since} and applies those
     * not applied yet. How many were applied now.
     */
    int reconcile(Instant since);

    enum Outcome {
        /** Applied now. */
        APPLIED,
        /** Applied before (a repeated or concurrent delivery): nothing done. */
        DUPLICATE,
        /** Not ours, or of no interest: nothing done, nothing recorded. */
        IGNORED
    }
}
