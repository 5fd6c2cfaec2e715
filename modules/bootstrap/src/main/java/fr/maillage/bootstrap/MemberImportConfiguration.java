package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.member.MemberImportService;
import fr.maillage.application.member.port.in.FailInterruptedImportsUseCase;
import fr.maillage.application.member.port.out.MemberImportPort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Imports of member lists: the service, the virtual threads that run the jobs, and the sweep that fails the jobs
 * an instance left unfinished (at start-up, then every {@code maillage.members.import.sweep-interval}). Settings
 * ({@code maillage.members.import.*}): {@code max-rows} (20,000), {@code max-issues} (1,000), {@code chunk} (500),
 * {@code timeout} (PT2M), {@code concurrency} (2); the largest body is {@code max-body-bytes} (5 MiB, read by the
 * REST adapter's RequestBodyLimitFilter).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MemberImportConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MemberImportConfiguration.class);

    /** One virtual thread per import job; at shutdown, running jobs are interrupted (their transaction rolls back). */
    @Bean(destroyMethod = "shutdownNow")
    @Qualifier("memberImports")
    public ExecutorService memberImportExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("member-import-", 0).factory());
    }

    @Bean
    public MemberImportService memberImportService(AccessPolicy access, UnitOfWorkPort unitOfWork,
            LoadNetworkPort networks, MemberPort members, MemberImportPort imports, AuditLog audit, Clock clock,
            @Qualifier("memberImports") ExecutorService executor,
            @Value("${maillage.members.import.max-rows:20000}") int maxRows,
            @Value("${maillage.members.import.max-issues:1000}") int maxIssues,
            @Value("${maillage.members.import.chunk:500}") int chunk,
            @Value("${maillage.members.import.timeout:PT2M}") Duration timeout,
            @Value("${maillage.members.import.concurrency:2}") int concurrency) {
        return new MemberImportService(access, unitOfWork, networks, members, imports, audit, clock, executor,
                new MemberImportService.Settings(maxRows, maxIssues, chunk, timeout, concurrency));
    }

    @Bean
    @ConditionalOnProperty(name = "maillage.members.import.sweep.enabled", havingValue = "true", matchIfMissing = true)
    public SweepInterruptedImports sweepInterruptedImports(FailInterruptedImportsUseCase useCase) {
        return new SweepInterruptedImports(useCase);
    }

    /** Fails the imports whose worker stopped (a failure is logged; the next run tries again). */
    public static final class SweepInterruptedImports {

        private final FailInterruptedImportsUseCase useCase;

        SweepInterruptedImports(FailInterruptedImportsUseCase useCase) {
            this.useCase = useCase;
        }

        @Scheduled(initialDelayString = "${maillage.members.import.sweep.initial-delay:PT10S}",
                fixedDelayString = "${maillage.members.import.sweep.interval:PT5M}")
        public void run() {
            try {
                int failed = useCase.failInterruptedImports();
                if (failed > 0) {
                    LOG.warn("Marked {} interrupted member import(s) as FAILED (no member of theirs was written)",
                            failed);
                }
            } catch (RuntimeException e) {
                LOG.warn("Sweeping the interrupted member imports failed; the next run tries again: {}", e.toString(),
                        e);
            }
        }
    }
}
