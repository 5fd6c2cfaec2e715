package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.network.NetworkOrganizations;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.member.MemberProfiles;
import fr.maillage.application.member.MemberService;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The members' use cases, and {@link MemberProfiles} for the use cases that need "the caller's member". */
@Configuration(proxyBeanMethods = false)
public class MemberConfiguration {

    @Bean
    public MemberProfiles memberProfiles(MemberPort members, AuditLog audit, Clock clock) {
        return new MemberProfiles(members, audit, clock);
    }

    @Bean
    public NetworkOrganizations networkOrganizations(IdentityProviderPort identity, LoadNetworkPort load,
            SaveNetworkPort save, UnitOfWorkPort unitOfWork, Clock clock) {
        return new NetworkOrganizations(identity, load, save, unitOfWork, clock);
    }

    @Bean
    public MemberService memberService(AccessPolicy access, MemberPort members, MemberProfiles profiles,
            NetworkRolePort roles, IdentityProviderPort identity, NetworkOrganizations organizations, AuditLog audit,
            Clock clock) {
        return new MemberService(access, members, profiles, roles, identity, organizations, audit, clock);
    }
}
