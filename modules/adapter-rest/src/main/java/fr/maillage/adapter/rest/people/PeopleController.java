package fr.maillage.adapter.rest.people;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.access.port.out.PersonRoles;
import fr.maillage.application.audit.port.out.AuditEvent;
import fr.maillage.application.audit.port.in.AuditLogQuery;
import fr.maillage.application.member.port.in.SignUpCommand;
import fr.maillage.application.people.port.in.FindPeopleQuery;
import fr.maillage.application.people.port.in.InvitePersonCommand;
import fr.maillage.application.people.port.in.InvitePersonUseCase;
import fr.maillage.application.people.port.in.JoinNetworkUseCase;
import fr.maillage.application.people.port.in.RevokeRoleUseCase;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People of a network: invitations, joining, roles, and the network's audit log. */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "People", description = "People in a network and their roles; the audit log")
class PeopleController {

    private final InvitePersonUseCase invite;
    private final JoinNetworkUseCase join;
    private final RevokeRoleUseCase revoke;
    private final FindPeopleQuery people;
    private final AuditLogQuery audit;

    PeopleController(InvitePersonUseCase invite, JoinNetworkUseCase join, RevokeRoleUseCase revoke,
            FindPeopleQuery people, AuditLogQuery audit) {
        this.invite = invite;
        this.join = join;
        this.revoke = revoke;
        this.people = people;
        this.audit = audit;
    }

    @Schema(name = "Invitation", description = "Invite a person by email with a role.")
    record InvitationRequest(@Schema(example = "claire@example.org", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable String email,
            @Schema(allowableValues = {"ANIMATOR", "MANAGER", "MEMBER"}, requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable String role,
            @Nullable String firstName, @Nullable String lastName) {
    }

    @Schema(name = "Join", description = "The person's profile in the network and their consents.")
    record JoinRequest(@Schema(example = "Camille", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable String givenName,
            @Schema(example = "Martin", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String familyName,
            @Schema(description = "The network's terms, accepted: must be true",
                    requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Boolean acceptTerms,
            @Schema(description = "News by email; false when omitted") @Nullable Boolean newsletter,
            @Schema(example = "06 12 34 56 78") @Nullable String phone,
            @Schema(description = "Employer invoices may be addressed to") @Nullable String company) {
    }

    record InvitationResponse(String subject, String email, String role, boolean accountCreated, boolean roleGranted) {
    }

    record PersonResponse(String subject, String email, List<String> roles) {
    }

    record RolesResponse(String network, List<String> roles) {
    }

    record AuditEventResponse(UUID id, Instant occurredAt, String actor, String action, @Nullable String target,
            Map<String, String> details) {
    }


    @Operation(summary = "Invite a person", description = "Animators and platform admins. Creates the account if "
            + "needed (the person is asked to set a password), adds it to the network, grants the role. 201 when the "
            + "role is new, 200 when the person already held it.")
    @PostMapping(path = "/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvitationResponse> invite(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody InvitationRequest body) {
        InvitePersonUseCase.Invitation done = invite.invite(caller, InvitePersonCommand.parse(network(slug),
                body.email(), body.role(), body.firstName(), body.lastName()));
        return ResponseEntity.status(done.roleGranted() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new InvitationResponse(done.subject(), done.email(), done.role().name(), done.accountCreated(),
                        done.roleGranted()));
    }

    @Operation(summary = "Join the network as a member", description = "Any signed-up person, with their profile "
            + "and acceptTerms: true (a missing body is 400 listing the required fields). Creates the member profile, "
            + "or links the member a manager recorded with the same email. Idempotent.")
    @PostMapping("/join")
    RolesResponse join(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody(required = false) @Nullable JoinRequest body) {
        SignUpCommand profile = SignUpCommand.parse(body == null ? null : new SignUpCommand.Raw(body.givenName(),
                body.familyName(), body.acceptTerms(), body.newsletter(), body.phone(), body.company()));
        Set<NetworkRole> roles = join.join(caller, network(slug), profile);
        return new RolesResponse(slug, roles.stream().map(Enum::name).sorted().toList());
    }

    @Operation(summary = "List the people of the network and their roles", description = "Animators and managers.")
    @GetMapping("/people")
    PageResponse<PersonResponse> people(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(people.people(caller, network(slug), PageRequest.of(page, size)),
                PeopleController::person);
    }

    @Operation(summary = "Take a role back", description = "Animators. The last animator keeps theirs (409).")
    @DeleteMapping("/people/{subject}/roles/{role}")
    ResponseEntity<Void> revoke(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String subject, @PathVariable String role) {
        Fields fields = new Fields();
        NetworkRole r = fields.required("role", role, NetworkRole::of);
        fields.throwIfInvalid();
        revoke.revoke(caller, network(slug), subject, Objects.requireNonNull(r));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Read the audit log", description = "Animators and platform admins; newest first.")
    @GetMapping("/audit")
    PageResponse<AuditEventResponse> audit(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(audit.auditLog(caller, network(slug), PageRequest.of(page, size)),
                (AuditEvent e) -> new AuditEventResponse(e.id(), e.occurredAt(), e.actor(), e.action(), e.target(),
                        e.details()));
    }

    private static PersonResponse person(PersonRoles p) {
        return new PersonResponse(p.subject(), p.email(), p.roles().stream().map(Enum::name).sorted().toList());
    }

}
