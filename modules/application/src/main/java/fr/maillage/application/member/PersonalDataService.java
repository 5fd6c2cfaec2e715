package fr.maillage.application.member;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.member.port.in.EraseMemberCommand;
import fr.maillage.application.member.port.in.EraseMemberUseCase;
import fr.maillage.application.member.port.in.PersonalDataQuery;
import fr.maillage.application.member.port.out.MemberErasurePort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A member's personal data in a network (GDPR): the export collects the sections of every module
 * ({@link PersonalDataPort}); the erasure asks every module ({@link MemberErasurePort}) whether it may go on, then
 * lets each end and clear what it keeps, pseudonymises the profile, removes the MEMBER role and, if the person has no
 * role left in the network, their membership of its organization in the identity provider.
 *
 * <p>A member may be erased in an archived network too: the right to erasure does not end with the network.
 *
 * <p>The identity provider is done first, idempotently, as elsewhere: if it fails, nothing is written (503) and a
 * retry completes; if the database fails afterwards, the person is out of the organization but still a member, which
 * grants nothing (their tokens no longer name the network) and which a retry completes.
 */
public final class PersonalDataService implements PersonalDataQuery, EraseMemberUseCase {

    private final AccessPolicy access;
    private final MemberPort members;
    private final MemberProfiles profiles;
    private final NetworkRolePort roles;
    private final IdentityProviderPort identity;
    private final List<PersonalDataPort> sections;
    private final List<MemberErasurePort> erasures;
    private final AuditLog audit;
    private final Clock clock;

    public PersonalDataService(AccessPolicy access, MemberPort members, MemberProfiles profiles,
            NetworkRolePort roles, IdentityProviderPort identity, List<PersonalDataPort> sections,
            List<MemberErasurePort> erasures, AuditLog audit, Clock clock) {
        this.access = access;
        this.members = members;
        this.profiles = profiles;
        this.roles = roles;
        this.identity = identity;
        Set<String> names = new HashSet<>();
        for (PersonalDataPort section : sections) {
            if (section.section().equals("member") || !names.add(section.section())) {
                throw new IllegalStateException("two sections of the export are named " + section.section());
            }
        }
        this.sections = List.copyOf(sections);
        this.erasures = List.copyOf(erasures);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public MemberExport exportMember(Caller caller, NetworkSlug network, UUID member) {
        return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, false, granted -> {
            requireAnimator(granted, "member.export.animators-only");
            return export(caller, granted.network(),
                    members.find(new MemberId(member)).orElseThrow(MemberProfiles::notFound), "staff");
        });
    }

    @Override
    public MemberExport exportOwn(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, false,
                granted -> export(caller, granted.network(), profiles.ofCaller(caller), "self"));
    }

    private MemberExport export(Caller caller, Network network, Member member, String by) {
        Map<String, Object> collected = new TreeMap<>();
        for (PersonalDataPort section : sections) {
            collected.put(section.section(), section.export(member));
        }
        audit.record(network.id(), caller, "member.exported", member.id().toString(), Map.of("by", by));
        return new MemberExport(network, member, clock.instant(), collected);
    }

    @Override
    public Member eraseMember(Caller caller, NetworkSlug network, UUID member, EraseMemberCommand.Raw confirmation) {
        MemberId id = new MemberId(member);
        return erase(caller, network, Permission.MANAGE_MEMBERS, confirmation, granted -> {
            requireAnimator(granted, "member.erase.animators-only");
            return members.find(id).orElseThrow(MemberProfiles::notFound);
        }, "staff");
    }

    @Override
    public Member eraseOwn(Caller caller, NetworkSlug network, EraseMemberCommand.Raw confirmation) {
        return erase(caller, network, Permission.SELF_SERVICE, confirmation, granted -> profiles.ofCaller(caller),
                "self");
    }

    private Member erase(Caller caller, NetworkSlug slug, Permission permission, EraseMemberCommand.Raw confirmation,
            Function<NetworkAccess, Member> target, String by) {
        record Plan(Network network, Member member, @Nullable String leaving) {
        }
        // 1. Who may, which member, whether anything stands in the way; nothing written.
        Plan plan = access.inNetwork(caller, slug, permission, true, granted -> {
            Network network = granted.network();
            Member member = target.apply(granted);
            EraseMemberCommand.parse(confirmation);
            if (member.isErased()) {
                return new Plan(network, member, null);
            }
            refuseIfBlocked(member);
            String subject = member.subject();
            boolean lastRole = subject != null && roles.rolesOf(network.id(), subject).stream()
                    .allMatch(role -> role == NetworkRole.MEMBER);
            return new Plan(network, member, lastRole ? subject : null);
        });
        if (plan.member().isErased()) {
            return plan.member();
        }
        // 2. The identity provider, idempotently: the person leaves the network's organization if no role remains.
        Network network = plan.network();
        if (plan.leaving() != null && network.organizationId() != null) {
            identity.removeMember(new OrganizationRef(network.organizationId(), network.slug().value()),
                    plan.leaving());
        }
        // 3. Everything else in one transaction.
        return access.inNetwork(caller, slug, permission, false, granted -> {
            Network n = granted.network();
            Member member = members.find(plan.member().id()).orElseThrow(MemberProfiles::notFound);
            if (member.isErased()) {
                return member;
            }
            refuseIfBlocked(member);
            Instant now = clock.instant();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("by", by);
            for (MemberErasurePort module : erasures) {
                module.erase(n, member, now, caller.subject())
                        .forEach((what, count) -> details.merge(what, String.valueOf(count),
                                (a, b) -> String.valueOf(Integer.parseInt(a) + Integer.parseInt(b))));
            }
            Member erased = members.update(member.erase(now));
            if (member.subject() != null && roles.revoke(n.id(), member.subject(), NetworkRole.MEMBER)) {
                details.put("roleRevoked", NetworkRole.MEMBER.name());
            }
            audit.record(n.id(), caller, "member.erased", erased.id().toString(), details);
            return erased;
        });
    }

    private void refuseIfBlocked(Member member) {
        List<String> refusals = new ArrayList<>();
        for (MemberErasurePort module : erasures) {
            refusals.addAll(module.refusals(member));
        }
        if (!refusals.isEmpty()) {
            throw new ConflictException(refusals.getFirst());
        }
    }

    private static void requireAnimator(NetworkAccess granted, String code) {
        if (!granted.administersNetwork()) {
            throw new ForbiddenException(code);
        }
    }
}
