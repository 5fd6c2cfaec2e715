package fr.maillage.bootstrap;

import fr.maillage.application.mail.port.in.RelayOutboxUseCase;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase.RelayReport;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link RelayOutboxUseCase#relayDue(java.time.Instant)} on a fixed delay ({@code maillage.mail.relay.interval},
 * 15 seconds by default). Several instances of the application may run it at once: each mail is claimed by one.
 * Every {@code maillage.mail.retention.purge-interval} (6 hours) it deletes the mails sent or given up more than
 * {@code maillage.mail.retention.period} ago (90 days): a mail's recipient and values are personal data.
 */
public class MailRelayJob {

    private static final Logger LOG = LoggerFactory.getLogger(MailRelayJob.class);

    private final RelayOutboxUseCase relay;
    private final Clock clock;
    private final Duration retention;

    public MailRelayJob(RelayOutboxUseCase relay, Clock clock, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("maillage.mail.retention.period must be positive: " + retention);
        }
        this.relay = relay;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${maillage.mail.retention.initial-delay:PT5M}",
            fixedDelayString = "${maillage.mail.retention.purge-interval:PT6H}")
    public void purge() {
        try {
            int purged = relay.purgeDoneBefore(clock.instant().minus(retention));
            if (purged > 0) {
                LOG.info("Mails: {} sent or failed more than {} ago deleted", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("Old mails could not be purged; tried again at the next run", e);
        }
    }

    @Scheduled(initialDelayString = "${maillage.mail.relay.initial-delay:PT30S}",
            fixedDelayString = "${maillage.mail.relay.interval:PT15S}")
    public void run() {
        try {
            RelayReport report = relay.relayDue(clock.instant());
            if (!report.isEmpty()) {
                LOG.info("Mails: {} sent, {} to retry, {} failed ({} networks could not be read)", report.sent(),
                        report.retried(), report.failed(), report.failedNetworks());
            }
        } catch (RuntimeException e) {
            LOG.warn("The mail outbox could not be relayed; retried at the next run", e);
        }
    }
}
