package fr.maillage.application.people;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.access.port.out.PersonRoles;
import fr.maillage.application.access.port.out.RoleGrant;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.network.NetworkOrganizations;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.PersonRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.member.MemberProfiles;
import fr.maillage.application.member.port.in.SignUpCommand;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.people.port.in.FindPeopleQuery;
import fr.maillage.application.people.port.in.InvitePersonCommand;
import fr.maillage.application.people.port.in.InvitePersonUseCase;
import fr.maillage.application.people.port.in.JoinNetworkUseCase;
import fr.maillage.application.people.port.in.RevokeRoleUseCase;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkArchivedException;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.ConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People in networks. Operations that touch both the identity provider and the database do the provider's part
 * first, idempotently, then the database's part in one transaction: if the provider fails, nothing is written
 * (503); if the database fails afterwards, the provider holds an extra organization membership without a role,
 * which grants nothing and which a retry completes.
 *
 * <p>Joining, and being invited as a member, also give the person their member profile in the network
 * ({@link MemberProfiles}), in the same transaction as the role.
 */
public final class PeopleService implements InvitePersonUseCase, JoinNetworkUseCase, RevokeRoleUseCase,
        FindPeopleQuery {

    private final AccessPolicy access;
    private final NetworkRolePort roles;
    private final IdentityProviderPort identity;
    private final LoadNetworkPort loadNetworks;
    private final SaveNetworkPort saveNetworks;
    private final UnitOfWorkPort unitOfWork;
    private final AuditLog audit;
    private final Clock clock;
    private final MemberProfiles memberProfiles;
    private final NetworkOrganizations organizations;

    public PeopleService(AccessPolicy access, NetworkRolePort roles, IdentityProviderPort identity,
            LoadNetworkPort loadNetworks, SaveNetworkPort saveNetworks, UnitOfWorkPort unitOfWork, AuditLog audit,
            Clock clock, MemberProfiles memberProfiles) {
        this.access = access;
        this.roles = roles;
        this.identity = identity;
        this.loadNetworks = loadNetworks;
        this.saveNetworks = saveNetworks;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
        this.memberProfiles = memberProfiles;
        this.organizations = new NetworkOrganizations(identity, loadNetworks, saveNetworks, unitOfWork, clock);
    }

    @Override
    public Invitation invite(Caller caller, InvitePersonCommand command) {
        NetworkAccess granted = access.inNetwork(caller, command.network(), Permission.MANAGE_PEOPLE, true, a -> a);
        Network network = granted.network();
        if (network.isArchived()) {
            throw new NetworkArchivedException(network.slug());
        }
        OrganizationRef organization = organizationOf(network);
        PersonRef person = identity.ensurePerson(command.email(), command.firstName(), command.lastName());
        identity.ensureMember(organization, person.subject());
        boolean newRole = unitOfWork.inTenant(network.id(), () -> {
            boolean added = roles.grant(new RoleGrant(network.id(), person.subject(), person.email(), command.role(),
                    clock.instant(), caller.subject()));
            if (added) {
                audit.record(network.id(), caller, "person.invited", person.subject(),
                        Map.of("role", command.role().name(), "accountCreated", String.valueOf(person.created())));
            }
            if (command.role() == NetworkRole.MEMBER) {
                memberProfiles.invited(network.id(), caller, person, command.firstName(), command.lastName());
            }
            return added;
        });
        return new Invitation(person.subject(), person.email().value(), command.role(), person.created(), newRole);
    }

    @Override
    public Set<NetworkRole> join(Caller caller, NetworkSlug slug, SignUpCommand profile) {
        Network network = unitOfWork.readOnly(() -> loadNetworks.findBySlug(slug))
                .orElseThrow(() -> AccessPolicy.notFound(slug));
        if (network.isArchived()) {
            throw new NetworkArchivedException(slug);
        }
        if (caller.email() == null) {
            throw new InvalidInputException(List.of(new FieldViolation("email", "person.email.missing", List.of())));
        }
        EmailAddress email = EmailAddress.of(caller.email());
        identity.ensureMember(organizationOf(network), caller.subject());
        return unitOfWork.inTenant(network.id(), () -> {
            if (roles.grant(new RoleGrant(network.id(), caller.subject(), email, NetworkRole.MEMBER, clock.instant(),
                    caller.subject()))) {
                audit.record(network.id(), caller, "person.joined", caller.subject(), Map.of());
            }
            memberProfiles.signedUp(network.id(), caller, email, profile);
            return roles.rolesOf(network.id(), caller.subject());
        });
    }

    @Override
    public void revoke(Caller caller, NetworkSlug slug, String subject, NetworkRole role) {
        record Outcome(Network network, boolean leftWithoutRole) {
        }
        Outcome outcome = access.inNetwork(caller, slug, Permission.MANAGE_PEOPLE, false, granted -> {
            Network network = granted.network();
            if (network.isArchived()) {
                throw new NetworkArchivedException(slug);
            }
            if (role == NetworkRole.ANIMATOR && roles.rolesOf(network.id(), subject).contains(NetworkRole.ANIMATOR)
                    && roles.holders(network.id(), NetworkRole.ANIMATOR) <= 1) {
                throw new ConflictException("network.last-animator", slug.value());
            }
            if (!roles.revoke(network.id(), subject, role)) {
                throw new NotFoundException("person.role.not-found", role.name());
            }
            audit.record(network.id(), caller, "role.revoked", subject, Map.of("role", role.name()));
            return new Outcome(network, roles.rolesOf(network.id(), subject).isEmpty());
        });
        if (outcome.leftWithoutRole() && outcome.network().organizationId() != null) {
            identity.removeMember(new OrganizationRef(outcome.network().organizationId(), slug.value()), subject);
        }
    }

    @Override
    public Page<PersonRoles> people(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_PEOPLE, true,
                granted -> roles.people(granted.network().id(), page));
    }

    /** The network's organization, created and recorded now for a network that predates organizations. */
    private OrganizationRef organizationOf(Network network) {
        return organizations.of(network);
    }
}
