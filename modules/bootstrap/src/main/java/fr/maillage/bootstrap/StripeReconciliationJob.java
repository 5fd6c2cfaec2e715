package fr.maillage.bootstrap;

import fr.maillage.application.payment.port.in.ProviderEventsUseCase;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fetches, on a fixed delay ({@code maillage.stripe.reconciliation.interval}, 15 minutes by default), the Stripe
 * events of every connected account created in the last {@code lookback} (3 days by default) and applies those that
 * no webhook delivered (each event is applied once, whoever brings it). Several instances may run it at once.
 */
public class StripeReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(StripeReconciliationJob.class);

    private final ProviderEventsUseCase events;
    private final Clock clock;
    private final Duration lookback;
    private final boolean configured;

    public StripeReconciliationJob(ProviderEventsUseCase events, Clock clock, Duration lookback, boolean configured) {
        this.events = events;
        this.clock = clock;
        this.lookback = lookback;
        this.configured = configured;
    }

    @Scheduled(initialDelayString = "${maillage.stripe.reconciliation.initial-delay:PT2M}",
            fixedDelayString = "${maillage.stripe.reconciliation.interval:PT15M}")
    public void run() {
        if (!configured) {
            return;
        }
        try {
            int applied = events.reconcile(clock.instant().minus(lookback));
            if (applied > 0) {
                LOG.warn("Stripe reconciliation applied {} events that no webhook had delivered", applied);
            }
        } catch (RuntimeException e) {
            LOG.warn("Stripe reconciliation failed; retried at the next run", e);
        }
    }
}
