package fr.maillage.bootstrap;

import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase;
import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase.LifecycleReport;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link MembershipLifecycleUseCase#expireAndRenew(java.time.Instant)} on a fixed delay
 * ({@code maillage.memberships.lifecycle.interval}, 5 minutes by default, the first run a minute after start). Several
 * instances of the application may run it at once: each membership is locked and handled once.
 */
public class MembershipLifecycleJob {

    private static final Logger LOG = LoggerFactory.getLogger(MembershipLifecycleJob.class);

    private final MembershipLifecycleUseCase lifecycle;
    private final Clock clock;

    public MembershipLifecycleJob(MembershipLifecycleUseCase lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${maillage.memberships.lifecycle.initial-delay:PT1M}",
            fixedDelayString = "${maillage.memberships.lifecycle.interval:PT5M}")
    public void run() {
        try {
            LifecycleReport report = lifecycle.expireAndRenew(clock.instant());
            if (report.expired() > 0 || report.renewed() > 0 || report.failedNetworks() > 0) {
                LOG.info("Memberships: {} expired, {} renewed in {} networks ({} failed, retried at the next run)",
                        report.expired(), report.renewed(), report.networks(), report.failedNetworks());
            }
        } catch (RuntimeException e) {
            LOG.warn("Memberships could not be expired or renewed; retried at the next run", e);
        }
    }
}
