package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.MembershipEventListener;
import fr.maillage.application.membership.MembershipService;
import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase;
import fr.maillage.application.membership.port.out.MembershipEventPort;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.membership.port.out.PaymentPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Memberships: the use cases, the listeners of their events (every {@link MembershipEventListener} bean, in order:
 * invoicing will be one), and the scheduled expiry and renewal ({@code maillage.memberships.lifecycle.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MembershipConfiguration {

    @Bean
    public MembershipService membershipService(AccessPolicy access, MembershipPort memberships, PaymentPort payments,
            MembershipEventPort history, MemberPort members, OfferPort offers, OperatorPort operators,
            LoadNetworkPort networks, UnitOfWorkPort unitOfWork, AuditLog audit,
            ObjectProvider<MembershipEventListener> listeners, Clock clock) {
        return new MembershipService(access, memberships, payments, history, members, offers, operators, networks,
                unitOfWork, audit, listeners.orderedStream().toList(), clock);
    }

    /** Expires and renews memberships every few minutes; off with {@code maillage.memberships.lifecycle.enabled=false}. */
    @Bean
    @ConditionalOnProperty(name = "maillage.memberships.lifecycle.enabled", havingValue = "true", matchIfMissing = true)
    public MembershipLifecycleJob membershipLifecycleJob(MembershipLifecycleUseCase lifecycle, Clock clock) {
        return new MembershipLifecycleJob(lifecycle, clock);
    }
}
