package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.mail.AttachmentSource;
import fr.maillage.application.mail.outbox.OutboxService;
import fr.maillage.application.mail.relay.MailRelay;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase;
import fr.maillage.application.mail.port.out.MailTransportPort;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Outgoing mails: the outbox relay (every {@link AttachmentSource} bean serves its kind of attachment) and its
 * schedule ({@code maillage.mail.relay.*}). SMTP is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} the relay sends nothing and mails wait in the outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MailConfiguration {

    @Bean
    public MailRelay mailRelay(OutboxRelayPort outbox, MailTransportPort transport, LoadNetworkPort networks,
            UnitOfWorkPort unitOfWork, ObjectProvider<AttachmentSource> sources,
            @Value("${maillage.mail.relay.max-attempts:8}") int maxAttempts,
            @Value("${maillage.mail.relay.first-retry:PT1M}") Duration firstRetry,
            @Value("${maillage.mail.relay.max-retry:PT6H}") Duration maxRetry,
            @Value("${maillage.mail.relay.batch:200}") int batch) {
        return new MailRelay(outbox, transport, networks, unitOfWork, sources.orderedStream().toList(),
                new MailRelay.Settings(maxAttempts, firstRetry, maxRetry, batch));
    }

    @Bean
    public OutboxService outboxService(AccessPolicy access, OutboxRelayPort outbox, AuditLog audit, Clock clock) {
        return new OutboxService(access, outbox, audit, clock);
    }

    /** Relays the outbox every few seconds; off with {@code maillage.mail.relay.enabled=false}. */
    @Bean
    @ConditionalOnProperty(name = "maillage.mail.relay.enabled", havingValue = "true", matchIfMissing = true)
    public MailRelayJob mailRelayJob(RelayOutboxUseCase relay, Clock clock,
            @Value("${maillage.mail.retention.period:P90D}") Duration retention) {
        return new MailRelayJob(relay, clock, retention);
    }
}
