package fr.maillage.bootstrap;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.network.NetworkOrganizations;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.member.MemberProfiles;
import fr.maillage.application.member.MemberService;
import fr.maillage.application.member.PersonalDataService;
import fr.maillage.application.member.port.out.MemberErasurePort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The members' use cases, {@link MemberProfiles} for the use cases that need "the caller's member", and their
 * personal data (GDPR): every {@link PersonalDataPort} bean is a section of the export, every
 * {@link MemberErasurePort} bean takes part in erasures (imports: {@link MemberImportConfiguration}).
 */
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

    @Bean
    public PersonalDataService personalDataService(AccessPolicy access, MemberPort members, MemberProfiles profiles,
            NetworkRolePort roles, IdentityProviderPort identity, List<PersonalDataPort> sections,
            List<MemberErasurePort> erasures, AuditLog audit, Clock clock) {
        return new PersonalDataService(access, members, profiles, roles, identity, sections, erasures, audit, clock);
    }
}
