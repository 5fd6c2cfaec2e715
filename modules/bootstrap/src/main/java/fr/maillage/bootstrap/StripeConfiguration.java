package fr.maillage.bootstrap;

import fr.maillage.adapter.stripe.StripeGateway;
import fr.maillage.adapter.stripe.StripeSettings;
import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.port.in.OnlineMembershipsUseCase;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.payment.OnlinePaymentService;
import fr.maillage.application.payment.PlatformFeeService;
import fr.maillage.application.payment.SubscriptionRenewalService;
import fr.maillage.application.payment.port.in.ProviderEventsUseCase;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort;
import fr.maillage.application.payment.port.out.PaymentProviderPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Online payments with Stripe ({@code maillage.stripe.*}). Without {@code secret-key} the application runs and
 * online payment answers "not configured"; the reconciliation job runs only when keys are set and
 * {@code maillage.stripe.reconciliation.enabled} is true.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class StripeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    public StripeSettings stripeSettings(@Value("${maillage.stripe.secret-key:}") String secretKey,
            @Value("${maillage.stripe.webhook-secret:}") String webhookSecret,
            @Value("${maillage.stripe.api-base:}") String apiBase,
            @Value("${maillage.stripe.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${maillage.stripe.read-timeout:PT20S}") Duration readTimeout,
            @Value("${maillage.stripe.retries:3}") int retries,
            @Value("${maillage.stripe.retry-delay:PT0.5S}") Duration retryDelay,
            @Value("${maillage.stripe.webhook-tolerance:PT5M}") Duration webhookTolerance,
            @Value("${maillage.stripe.account-country:FR}") String country) {
        StripeSettings settings = new StripeSettings(secretKey, webhookSecret, apiBase, connectTimeout, readTimeout,
                retries, retryDelay, webhookTolerance, country);
        if (!settings.configured()) {
            LOG.info("Stripe keys are not set (maillage.stripe.secret-key): online payment is not configured");
        } else if (settings.webhookSecret() == null) {
            LOG.warn("maillage.stripe.webhook-secret is not set: Stripe's webhook deliveries are refused");
        }
        return settings;
    }

    @Bean
    public StripeGateway stripeGateway(StripeSettings settings) {
        return new StripeGateway(settings);
    }

    @Bean
    public OnlinePaymentService onlinePaymentService(AccessPolicy access, PaymentProviderPort provider,
            OnlinePaymentStorePort store, OnlineMembershipsUseCase onlineMemberships, MembershipPort memberships,
            MemberPort members, OfferPort offers, OperatorPort operators, LoadNetworkPort networks,
            UnitOfWorkPort unitOfWork, ObjectProvider<OutboxPort> outbox, Clock clock,
            @Value("${maillage.public-url:}") String publicUrl) {
        return new OnlinePaymentService(access, provider, store, onlineMemberships, memberships, members, offers,
                operators, networks, unitOfWork, outbox.getIfAvailable(), clock, publicUrl);
    }

    @Bean
    public SubscriptionRenewalService subscriptionRenewalService(AccessPolicy access, PaymentProviderPort provider,
            OnlinePaymentStorePort store, OnlineMembershipsUseCase onlineMemberships, MembershipPort memberships,
            MemberPort members, OperatorPort operators, UnitOfWorkPort unitOfWork, Clock clock) {
        return new SubscriptionRenewalService(access, provider, store, onlineMemberships, memberships, members,
                operators, unitOfWork, clock);
    }

    @Bean
    public PlatformFeeService platformFeeService(AccessPolicy access, OnlinePaymentStorePort store, AuditLog audit) {
        return new PlatformFeeService(access, store, audit);
    }

    @Bean
    @ConditionalOnProperty(name = "maillage.stripe.reconciliation.enabled", havingValue = "true",
            matchIfMissing = true)
    public StripeReconciliationJob stripeReconciliationJob(ProviderEventsUseCase events, StripeSettings settings,
            Clock clock, @Value("${maillage.stripe.reconciliation.lookback:PT72H}") Duration lookback) {
        return new StripeReconciliationJob(events, clock, lookback, settings.configured());
    }
}
