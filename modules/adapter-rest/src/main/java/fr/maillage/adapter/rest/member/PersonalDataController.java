package fr.maillage.adapter.rest.member;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.application.member.port.in.EraseMemberCommand;
import fr.maillage.application.member.port.in.EraseMemberUseCase;
import fr.maillage.application.member.port.in.PersonalDataQuery;
import fr.maillage.application.member.port.in.PersonalDataQuery.MemberExport;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.shared.PostalAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's personal data (GDPR): the export of everything the network holds about them, and erasure. By the
 * network's animators for any member, or by the member themself under {@code /me/member}.
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Personal data", description = "GDPR: a member's data export, and erasure")
class PersonalDataController {

    /** The format of the export, versioned for the programs that read it. */
    static final String FORMAT = "maillage.member-export/1";

    private final PersonalDataQuery personalData;
    private final EraseMemberUseCase erasure;

    PersonalDataController(PersonalDataQuery personalData, EraseMemberUseCase erasure) {
        this.personalData = personalData;
        this.erasure = erasure;
    }

    @Operation(summary = "Export a member's data (GDPR)", description = """
            Animators (403 member.export.animators-only for managers: the export holds the sales and visits of \
            every operator). Everything the network holds about the member, as a JSON attachment: profile and \
            consents, then one section per module (roles, memberships, visits and usage ledger lines, audit \
            events...). Works for an erased member (what was kept, pseudonymised). Audited (member.exported).""")
    @GetMapping("/members/{memberId}/export")
    ResponseEntity<Export> export(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String memberId) {
        return attachment(personalData.exportMember(caller, network(slug), memberId(memberId)));
    }

    @Operation(summary = "Export my data (GDPR)", description = """
            Members: everything the network holds about me, as a JSON attachment (see the animators' export).""")
    @GetMapping("/me/member/export")
    ResponseEntity<Export> exportMine(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        return attachment(personalData.exportOwn(caller, network(slug)));
    }

    @Operation(summary = "Erase a member (GDPR)", description = """
            Animators (403 member.erase.animators-only for managers). Body {"confirm": true} (400 \
            member.erase.confirm-required otherwise). Pseudonymises the profile (Membre effacé, \
            erased-<id>@erased.invalid, no phone, company, address, newsletter, account link), cancels the \
            member's future bookings, closes an open visit, removes the MEMBER role (and the person from the \
            network's organization if no role remains); memberships and payments are kept (10 years). 409 \
            member.erase.payment-pending while a sale awaits payment. Idempotent: 200 with the erased member.""")
    @PostMapping("/members/{memberId}/erase")
    MemberResponse erase(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String memberId, @RequestBody(required = false) @Nullable Confirmation body) {
        return MemberResponse.of(erasure.eraseMember(caller, network(slug), memberId(memberId), raw(body)));
    }

    @Operation(summary = "Erase my member profile (GDPR)", description = """
            Members. Body {"confirm": true}. As the animators' erasure; afterwards the person is no longer a member \
            of the network (they may join again later, as a new member).""")
    @PostMapping("/me/member/erase")
    MemberResponse eraseMine(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody(required = false) @Nullable Confirmation body) {
        return MemberResponse.of(erasure.eraseOwn(caller, network(slug), raw(body)));
    }

    @Schema(name = "ErasureConfirmation", description = "The confirmation of an erasure, which cannot be undone.")
    record Confirmation(@Schema(example = "true", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable Boolean confirm) {
    }

    /** The export: what it is, of which network, the member's profile and consents, then every module's section. */
    @Schema(name = "MemberExport")
    record Export(String format, Instant exportedAt, NetworkRef network, Profile member,
            Map<String, Object> sections) {
    }

    record NetworkRef(String slug, String name) {
    }

    record Profile(UUID id, String email, String givenName, String familyName, @Nullable String phone,
            @Nullable String company, MemberResponse.@Nullable Address address, Consents consents, String status,
            String source, boolean hasAccount, Instant createdAt, @Nullable Instant erasedAt) {
    }

    record Consents(@Nullable Instant termsAcceptedAt, boolean newsletter) {
    }

    private static ResponseEntity<Export> attachment(MemberExport export) {
        Member m = export.member();
        PostalAddress a = m.address();
        Profile profile = new Profile(m.id().value(), m.email(), m.givenName(), m.familyName(), m.phone(),
                m.company(), a == null ? null : new MemberResponse.Address(a.line1(), a.line2(), a.postalCode(),
                        a.town()),
                new Consents(m.consents().termsAcceptedAt(), m.consents().newsletter()), m.status().name(),
                m.source().name(), m.subject() != null, m.createdAt(), m.erasedAt());
        String name = "maillage-" + export.network().slug().value() + "-membre-" + m.id() + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Export(FORMAT, export.exportedAt(), new NetworkRef(export.network().slug().value(),
                        export.network().name().value()), profile, export.sections()));
    }

    private static EraseMemberCommand.Raw raw(@Nullable Confirmation body) {
        return new EraseMemberCommand.Raw(body == null ? null : body.confirm());
    }

    private static UUID memberId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("member.not-found");
        }
    }
}
