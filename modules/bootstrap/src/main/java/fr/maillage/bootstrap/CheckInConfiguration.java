package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.application.visit.CheckInService;
import fr.maillage.application.visit.port.in.CloseDueVisitsUseCase;
import fr.maillage.application.visit.port.out.AttendancePort;
import fr.maillage.application.visit.port.out.HeldMembershipPort;
import fr.maillage.application.visit.port.out.UsageLedgerPort;
import fr.maillage.application.visit.port.out.VisitPort;
import fr.maillage.domain.visit.CheckInTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Check-ins, visits, the usage ledger and attendance: the use cases, the signing of the places' QR tokens
 * ({@code maillage.check-in.secret}, {@code maillage.check-in.window}) and the job that closes open visits at the
 * places' closing time ({@code maillage.check-in.auto-close.*}, every minute by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CheckInConfiguration {

    /** The development secret of application.yaml: production must set its own (docs/operations.md). */
    static final String DEVELOPMENT_SECRET = "development-only-check-in-secret-set-MAILLAGE_CHECK_IN_SECRET";

    private static final Logger LOG = LoggerFactory.getLogger(CheckInConfiguration.class);

    @Bean
    public CheckInTokens checkInTokens(@Value("${maillage.check-in.secret}") String secret,
            @Value("${maillage.check-in.window:PT5M}") Duration window) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < CheckInTokens.MIN_SECRET_BYTES) {
            throw new IllegalStateException("maillage.check-in.secret (MAILLAGE_CHECK_IN_SECRET) must have at least "
                    + CheckInTokens.MIN_SECRET_BYTES + " bytes; generate one with: openssl rand -base64 48");
        }
        if (secret.equals(DEVELOPMENT_SECRET)) {
            LOG.warn("The check-in QR codes are signed with the development secret: anyone who reads the source can "
                    + "forge them. Set MAILLAGE_CHECK_IN_SECRET in production (docs/operations.md).");
        }
        return new CheckInTokens(key, window);
    }

    @Bean
    public CheckInService checkInService(AccessPolicy access, UnitOfWorkPort unitOfWork, LoadNetworkPort networks,
            PlacePort places, OperatorPort operators, MemberPort members, OfferPort offers, VisitPort visits,
            HeldMembershipPort memberships, UsageLedgerPort ledger, AttendancePort attendance, AuditLog audit,
            CheckInTokens tokens, Clock clock) {
        return new CheckInService(access, unitOfWork, networks, places, operators, members, offers, visits,
                memberships, ledger, attendance, audit, tokens, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "maillage.check-in.auto-close.enabled", havingValue = "true", matchIfMissing = true)
    public AutoCloseVisits autoCloseVisits(CloseDueVisitsUseCase useCase, Clock clock) {
        return new AutoCloseVisits(useCase, clock);
    }

    /** Closes the open visits of places that have closed, every minute (a failure is logged; the next run retries). */
    public static final class AutoCloseVisits {

        private final CloseDueVisitsUseCase useCase;
        private final Clock clock;

        AutoCloseVisits(CloseDueVisitsUseCase useCase, Clock clock) {
            this.useCase = useCase;
            this.clock = clock;
        }

        @Scheduled(initialDelayString = "${maillage.check-in.auto-close.initial-delay:PT1M}",
                fixedDelayString = "${maillage.check-in.auto-close.interval:PT1M}")
        public void run() {
            try {
                int closed = useCase.closeDueVisits(clock.instant());
                if (closed > 0) {
                    LOG.info("Closed {} open visit(s) at their place's closing time", closed);
                }
            } catch (RuntimeException e) {
                LOG.warn("Closing the due visits failed; the next run tries again: {}", e.toString(), e);
            }
        }
    }
}
