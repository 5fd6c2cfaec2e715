package fr.maillage.application.member;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.access.port.out.RoleGrant;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.network.NetworkOrganizations;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.PersonRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.member.port.in.CreateMemberCommand;
import fr.maillage.application.member.port.in.ManageMembersUseCase;
import fr.maillage.application.member.port.in.MembersQuery;
import fr.maillage.application.member.port.in.OwnProfileUseCase;
import fr.maillage.application.member.port.in.UpdateProfileCommand;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.member.Consents;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.member.MemberSource;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The members of a network: animators and managers keep the files ({@link Permission#MANAGE_MEMBERS}), a member keeps
 * their own profile ({@link Permission#SELF_SERVICE}). Every change is audited ({@code member.created},
 * {@code member.updated}; {@code member.linked} comes from {@link MemberProfiles}).
 */
public final class MemberService implements ManageMembersUseCase, MembersQuery, OwnProfileUseCase {

    /** The longest search a list accepts. */
    public static final int SEARCH_MAX = 100;

    private final AccessPolicy access;
    private final MemberPort members;
    private final MemberProfiles profiles;
    private final NetworkRolePort roles;
    private final IdentityProviderPort identity;
    private final NetworkOrganizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    public MemberService(AccessPolicy access, MemberPort members, MemberProfiles profiles, NetworkRolePort roles,
            IdentityProviderPort identity, NetworkOrganizations organizations, AuditLog audit, Clock clock) {
        this.access = access;
        this.members = members;
        this.profiles = profiles;
        this.roles = roles;
        this.identity = identity;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Member createMember(Caller caller, NetworkSlug network, CreateMemberCommand.Raw raw) {
        // The network and the permission first, then the body: someone who may not act learns nothing of it.
        CreateMemberCommand command = access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, true, granted -> {
            granted.writableNetwork();
            CreateMemberCommand parsed = CreateMemberCommand.parse(raw);
            profiles.requireEmailFree(parsed.email().value());
            return parsed;
        });
        if (!command.invite()) {
            return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, false, granted -> {
                Network n = granted.writableNetwork();
                profiles.requireEmailFree(command.email().value());
                return insert(caller, n, null, command, Map.of("source", MemberSource.MANAGER.name(),
                        "invited", "false"));
            });
        }
        // The identity provider first, idempotently: if it fails, nothing is written; a retry completes.
        Network checked = access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, true, NetworkAccess::network);
        OrganizationRef organization = organizations.of(checked);
        PersonRef person = identity.ensurePerson(command.email(), command.profile().givenName(),
                command.profile().familyName());
        identity.ensureMember(organization, person.subject());
        return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, false, granted -> {
            Network n = granted.writableNetwork();
            profiles.requireEmailFree(command.email().value());
            if (members.findBySubject(person.subject()).isPresent()) {
                throw new ConflictException("member.subject.taken");
            }
            Member created = insert(caller, n, person.subject(), command, Map.of("source",
                    MemberSource.MANAGER.name(), "invited", "true", "accountCreated",
                    String.valueOf(person.created())));
            if (roles.grant(new RoleGrant(n.id(), person.subject(), person.email(), NetworkRole.MEMBER,
                    clock.instant(), caller.subject()))) {
                audit.record(n.id(), caller, "person.invited", person.subject(),
                        Map.of("role", NetworkRole.MEMBER.name(), "accountCreated", String.valueOf(person.created())));
            }
            return created;
        });
    }

    private Member insert(Caller caller, Network network, @Nullable String subject, CreateMemberCommand command,
            Map<String, String> details) {
        Instant now = clock.instant();
        Member created = members.insert(Member.create(new MemberId(Ids.newId(clock)), network.id(), subject,
                command.email().value(), command.profile(), new Consents(null, command.newsletter()),
                MemberSource.MANAGER, now));
        audit.record(network.id(), caller, "member.created", created.id().toString(), details);
        return created;
    }

    @Override
    public Member updateMember(Caller caller, NetworkSlug network, UUID member, UpdateProfileCommand command,
            @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, false, granted -> {
            Network n = granted.writableNetwork();
            Member current = members.find(new MemberId(member)).orElseThrow(MemberProfiles::notFound);
            return change(caller, n, current, command, expectedVersion, current.subject() == null);
        });
    }

    @Override
    public Page<Member> members(Caller caller, NetworkSlug network, @Nullable String search, PageRequest page) {
        String q = search == null || search.isBlank() ? null : search.strip();
        if (q != null && q.codePointCount(0, q.length()) > SEARCH_MAX) {
            throw new InvalidInputException(List.of(new FieldViolation("q", "member.search.length",
                    List.of(SEARCH_MAX))));
        }
        return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, true, granted -> members.list(q, page));
    }

    @Override
    public Member member(Caller caller, NetworkSlug network, UUID member) {
        return access.inNetwork(caller, network, Permission.MANAGE_MEMBERS, true,
                granted -> members.find(new MemberId(member)).orElseThrow(MemberProfiles::notFound));
    }

    @Override
    public Member ownProfile(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, true, granted -> profiles.ofCaller(caller));
    }

    @Override
    public Member updateOwnProfile(Caller caller, NetworkSlug network, UpdateProfileCommand command,
            @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, false, granted -> {
            Network n = granted.writableNetwork();
            return change(caller, n, profiles.ofCaller(caller), command, expectedVersion, false);
        });
    }

    /** Applies a patch: the precondition first (412), then the state (409), then the values (400, all at once). */
    private Member change(Caller caller, Network network, Member current, UpdateProfileCommand command,
            @Nullable Long expectedVersion, boolean emailEditable) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException(true);
        }
        if (current.isErased()) {
            throw new ConflictException("member.erased");
        }
        UpdateProfileCommand.Changes changes = command.applyTo(current.profile(), current.consents().newsletter(),
                emailEditable);
        Member changed = current.withProfile(changes.profile()).withNewsletter(changes.newsletter());
        if (changes.language() != null) {
            changed = changed.withLanguage(changes.language());
        }
        if (changes.email() != null && !changes.email().value().equals(current.email())) {
            profiles.requireEmailFree(changes.email().value());
            changed = changed.withEmail(changes.email().value());
        }
        List<String> fields = changedFields(current, changed);
        if (fields.isEmpty()) {
            return current;
        }
        Member saved = members.update(changed);
        audit.record(network.id(), caller, "member.updated", saved.id().toString(),
                Map.of("fields", String.join(",", fields)));
        return saved;
    }

    private static List<String> changedFields(Member before, Member after) {
        List<String> fields = new ArrayList<>();
        if (!before.email().equals(after.email())) {
            fields.add(UpdateProfileCommand.EMAIL);
        }
        if (!before.givenName().equals(after.givenName())) {
            fields.add(UpdateProfileCommand.GIVEN_NAME);
        }
        if (!before.familyName().equals(after.familyName())) {
            fields.add(UpdateProfileCommand.FAMILY_NAME);
        }
        if (!Objects.equals(before.phone(), after.phone())) {
            fields.add(UpdateProfileCommand.PHONE);
        }
        if (!Objects.equals(before.company(), after.company())) {
            fields.add(UpdateProfileCommand.COMPANY);
        }
        if (!Objects.equals(before.address(), after.address())) {
            fields.add(UpdateProfileCommand.ADDRESS);
        }
        if (before.consents().newsletter() != after.consents().newsletter()) {
            fields.add(UpdateProfileCommand.NEWSLETTER);
        }
        if (!before.language().equals(after.language())) {
            fields.add(UpdateProfileCommand.LANGUAGE);
        }
        return fields;
    }
}
