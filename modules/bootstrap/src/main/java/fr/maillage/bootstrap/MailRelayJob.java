package fr.maillage.bootstrap;

import fr.maillage.application.mail.port.in.RelayOutboxUseCase;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase.RelayReport;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link RelayOutboxUseCase#relayDue(java.time.Instant)} on a fixed delay ({@code maillage.mail.relay.interval},
 * 15 seconds by default). Several instances of the application may run it at once: each mail is claimed by one.
 */
public class MailRelayJob {

    private static final Logger LOG = LoggerFactory.getLogger(MailRelayJob.class);

    private final RelayOutboxUseCase relay;
    private final Clock clock;

    public MailRelayJob(RelayOutboxUseCase relay, Clock clock) {
        this.relay = relay;
        this.clock = clock;
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
