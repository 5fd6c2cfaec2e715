package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.WhoAmI;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.audit.port.out.AuditLogPort;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.network.NetworkService;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.directory.DirectoryService;
import fr.maillage.application.member.MemberProfiles;
import fr.maillage.application.people.PeopleService;
import fr.maillage.application.offer.OfferService;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.setup.ResourceService;
import fr.maillage.application.setup.SetupService;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.ResourcePort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's use cases are plain classes: they are wired here, so that {@code application} knows no Spring. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    /** UTC, ticking in microseconds: what PostgreSQL stores, so an instant reads back as it was written. */
    @Bean
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    public AccessPolicy accessPolicy(LoadNetworkPort networks, NetworkRolePort roles, UnitOfWorkPort unitOfWork) {
        return new AccessPolicy(networks, roles, unitOfWork);
    }

    @Bean
    public AuditLog auditLog(AuditLogPort log, AccessPolicy access, Clock clock) {
        return new AuditLog(log, access, clock);
    }

    @Bean
    public NetworkService networkService(LoadNetworkPort load, SaveNetworkPort save, UnitOfWorkPort unitOfWork,
            IdentityProviderPort identity, AccessPolicy access, AuditLog audit, Clock clock) {
        return new NetworkService(load, save, unitOfWork, identity, access, audit, clock);
    }

    @Bean
    public PeopleService peopleService(AccessPolicy access, NetworkRolePort roles, IdentityProviderPort identity,
            LoadNetworkPort load, SaveNetworkPort save, UnitOfWorkPort unitOfWork, AuditLog audit, Clock clock,
            MemberProfiles memberProfiles) {
        return new PeopleService(access, roles, identity, load, save, unitOfWork, audit, clock, memberProfiles);
    }

    @Bean
    public SetupService setupService(AccessPolicy access, OperatorPort operators, PlacePort places,
            NetworkRolePort roles, AuditLog audit, Clock clock) {
        return new SetupService(access, operators, places, roles, audit, clock);
    }

    @Bean
    public ResourceService resourceService(AccessPolicy access, ResourcePort resources, PlacePort places,
            OperatorPort operators, AuditLog audit, Clock clock) {
        return new ResourceService(access, resources, places, operators, audit, clock);
    }

    @Bean
    public OfferService offerService(AccessPolicy access, OfferPort offers, OperatorPort operators, PlacePort places,
            AuditLog audit, Clock clock) {
        return new OfferService(access, offers, operators, places, audit, clock);
    }

    @Bean
    public DirectoryService directoryService(LoadNetworkPort networks, PlacePort places, OfferPort offers,
            UnitOfWorkPort unitOfWork) {
        return new DirectoryService(networks, places, offers, unitOfWork);
    }

    @Bean
    public WhoAmI whoAmI(LoadNetworkPort networks, NetworkRolePort roles, UnitOfWorkPort unitOfWork) {
        return new WhoAmI(networks, roles, unitOfWork);
    }
}
