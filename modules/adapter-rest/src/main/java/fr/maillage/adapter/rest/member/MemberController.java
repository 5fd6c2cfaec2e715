package fr.maillage.adapter.rest.member;

import static fr.maillage.adapter.rest.shared.RequestValues.expectedVersion;
import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.member.port.in.ManageMembersUseCase;
import fr.maillage.application.member.port.in.MembersQuery;
import fr.maillage.application.member.port.in.OwnProfileUseCase;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.member.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The members of a network: animators' and managers' member files, and a member's own profile. */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Members", description = "Members of a network: profile and consents")
class MemberController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ManageMembersUseCase manage;
    private final MembersQuery members;
    private final OwnProfileUseCase own;

    MemberController(ManageMembersUseCase manage, MembersQuery members, OwnProfileUseCase own) {
        this.manage = manage;
        this.members = members;
        this.own = own;
    }

    @Operation(summary = "Record a member", description = "Animators and managers. With \"invite\": true, the person "
            + "also gets an account (asked to set a password) and the MEMBER role; without, they are linked when "
            + "they join with the same email. 409 member.email.taken when the email is used in the network.")
    @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MemberResponse> create(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody MemberRequests.Create body) {
        Member created = manage.createMember(caller, network(slug), body.raw());
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/members/" + created.id()))
                .eTag(etag(created)).body(MemberResponse.of(created));
    }

    @Operation(summary = "List or search the members", description = "Animators and managers. By family then given "
            + "name; q matches names, email or company (case-insensitive).")
    @GetMapping("/members")
    PageResponse<MemberResponse> list(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @Parameter(description = "words of a name, an email or a company") @RequestParam(required = false)
            @Nullable String q,
            @Parameter(description = "0-based page number") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "page size, 1 to 100 (20 by default)") @RequestParam(required = false)
            @Nullable Integer size) {
        return PageResponse.of(members.members(caller, network(slug), q, PageRequest.of(page, size)),
                MemberResponse::of);
    }

    @Operation(summary = "Read a member", description = "Animators and managers.")
    @GetMapping("/members/{memberId}")
    ResponseEntity<MemberResponse> get(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String memberId) {
        return answer(members.member(caller, network(slug), memberId(memberId)));
    }

    @Operation(summary = "Change a member's profile", description = "Animators and managers; a JSON merge patch "
            + "(omitted fields stay, null clears phone, company or address). If-Match with the ETag you read: 412 "
            + "if it changed meanwhile. The email only for a member without an account. An erased member: 409.")
    @PatchMapping(path = "/members/{memberId}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
    ResponseEntity<MemberResponse> update(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String memberId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody MemberRequests.Patch body) {
        Long expected = expectedVersion(ifMatch);
        return answer(manage.updateMember(caller, network(slug), memberId(memberId), body.command(), expected));
    }

    @Operation(summary = "Read my member profile", description = "Members. 404 member.not-found without a profile "
            + "in the network.")
    @GetMapping("/me/member")
    ResponseEntity<MemberResponse> mine(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        return answer(own.ownProfile(caller, network(slug)));
    }

    @Operation(summary = "Change my member profile", description = "Members: names, phone, company, address, "
            + "newsletter (JSON merge patch; not the email, which is the account's). If-Match as for members.")
    @PatchMapping(path = "/me/member", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
    ResponseEntity<MemberResponse> updateMine(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody MemberRequests.Patch body) {
        Long expected = expectedVersion(ifMatch);
        return answer(own.updateOwnProfile(caller, network(slug), body.command(), expected));
    }

    private static ResponseEntity<MemberResponse> answer(Member member) {
        return ResponseEntity.ok().eTag(etag(member)).body(MemberResponse.of(member));
    }

    private static String etag(Member member) {
        return "\"" + member.version() + "\"";
    }

    private static UUID memberId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("member.not-found");
        }
    }
}
