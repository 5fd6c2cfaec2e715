package fr.maillage.adapter.rest.membership;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.membership.MembershipResponse.EventResponse;
import fr.maillage.adapter.rest.membership.MembershipResponse.PaymentResponse;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.adapter.rest.shared.RequestValues;
import fr.maillage.application.membership.port.in.CancelMembershipCommand;
import fr.maillage.application.membership.port.in.ManageMembershipsUseCase.PaymentResult;
import fr.maillage.application.membership.port.in.ManageMembershipsUseCase;
import fr.maillage.application.membership.port.in.MembershipRenewalUseCase;
import fr.maillage.application.membership.port.in.MembershipsQuery;
import fr.maillage.application.membership.port.in.RecordPaymentCommand;
import fr.maillage.application.membership.port.in.RefundCommand;
import fr.maillage.application.membership.port.in.SellMembershipCommand;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.membership.Membership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Memberships: sales and offline payments by animators and managers (for the offers of the operators they run), a
 * member's own memberships.
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Memberships", description = "Sales of offers to members, offline payments, cancellation, history")
class MembershipController {

    private final ManageMembershipsUseCase manage;
    private final MembershipsQuery memberships;
    private final MembershipRenewalUseCase renewals;

    MembershipController(ManageMembershipsUseCase manage, MembershipsQuery memberships,
            MembershipRenewalUseCase renewals) {
        this.manage = manage;
        this.memberships = memberships;
        this.renewals = renewals;
    }

    record AutoRenewRequest(@Nullable Boolean autoRenew) {
    }

    record SaleRequest(@Nullable String offerId, @Nullable String startsOn, @Nullable Boolean autoRenew) {
    }

    record PaymentRequest(@Nullable String method, @Nullable Long amountCents, @Nullable String reference,
            @Nullable String receivedOn, @Nullable String idempotencyKey) {
    }

    record CancelRequest(@Nullable String reason) {
    }

    record RefundRequest(@Nullable String method, @Nullable Long amountCents, @Nullable String reference) {
    }

    @Operation(summary = "Sell an offer to a member", description = "Animators; managers for the offers of the "
            + "operators they run (403 membership.sell.not-your-operator otherwise). Pending payment, or active at "
            + "once for a free offer. startsOn: a day pass's date or a subscription's first day (default today in "
            + "the network's time zone; none for a card). 409 offer.archived, membership.member-erased, "
            + "offer.scope.network-passes-not-allowed.")
    @PostMapping(path = "/members/{memberId}/memberships", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MembershipResponse> sell(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String memberId, @RequestBody SaleRequest body) {
        Membership sold = manage.sell(caller, network(slug), memberId,
                new SellMembershipCommand.Raw(body.offerId(), body.startsOn(), body.autoRenew()));
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/memberships/" + sold.id()))
                .eTag("\"" + sold.version() + "\"").body(MembershipResponse.of(sold));
    }

    @Operation(summary = "A member's memberships", description = "Most recent sale first. Animators see all; "
            + "managers those sold by their operators; a member their own (another member: 404).")
    @GetMapping("/members/{memberId}/memberships")
    PageResponse<MembershipResponse> ofMember(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String memberId, @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(memberships.membershipsOf(caller, network(slug), memberId, PageRequest.of(page, size)),
                MembershipResponse::of);
    }

    @Operation(summary = "The caller's own memberships", description = "Members (self-service); 404 "
            + "member.not-found when the caller has no member profile in the network.")
    @GetMapping("/me/memberships")
    PageResponse<MembershipResponse> mine(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(memberships.myMemberships(caller, network(slug), PageRequest.of(page, size)),
                MembershipResponse::of);
    }

    @Operation(summary = "Read a membership", description = "Animators; managers for their operators' sales; the "
            + "member it belongs to. Others: 404 membership.not-found.")
    @GetMapping("/memberships/{membershipId}")
    ResponseEntity<MembershipResponse> membership(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String membershipId) {
        Membership m = memberships.membership(caller, network(slug), membershipId);
        return ResponseEntity.ok().eTag("\"" + m.version() + "\"").body(MembershipResponse.of(m));
    }

    @Operation(summary = "Record an offline payment", description = "Animators; managers for their operators' "
            + "sales. method CASH, CHEQUE or TRANSFER (reference required); amountCents > 0, at most the balance "
            + "(409 membership.payment.exceeds-balance). With an idempotencyKey already used for the same payment: "
            + "200 and the payment recorded then (nothing recorded twice); used for another payment: 409.")
    @PostMapping(path = "/memberships/{membershipId}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentResponse> pay(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String membershipId, @RequestBody PaymentRequest body) {
        PaymentResult result = manage.recordPayment(caller, network(slug), membershipId,
                new RecordPaymentCommand.Raw(body.method(), body.amountCents(), body.reference(), body.receivedOn(),
                        body.idempotencyKey()));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag("\"" + result.membership().version() + "\"").body(PaymentResponse.of(result));
    }

    @Operation(summary = "Cancel a membership", description = "Animators; managers for their operators' sales. "
            + "A reason is required; cancelling again changes nothing; 409 membership.not-cancellable once expired.")
    @PostMapping(path = "/memberships/{membershipId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MembershipResponse> cancel(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String membershipId, @RequestBody CancelRequest body) {
        Membership m = manage.cancel(caller, network(slug), membershipId,
                new CancelMembershipCommand.Raw(body.reason()));
        return ResponseEntity.ok().eTag("\"" + m.version() + "\"").body(MembershipResponse.of(m));
    }

    @Operation(summary = "Record a refund given at the desk", description = "Animators; managers for their "
            + "operators' sales. method CASH, CHEQUE or TRANSFER (what was paid online is refunded in Stripe, which "
            + "tells us); amountCents > 0, at most what is paid (409 membership.refund.exceeds-paid); reference "
            + "optional. What is paid decreases, the status stays (cancel the membership too if the member loses "
            + "it), and the credit note is issued. Send If-Match with the ETag you read: a repeated request then "
            + "answers 412 and refunds nothing twice.")
    @PostMapping(path = "/memberships/{membershipId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MembershipResponse> refund(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String membershipId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody RefundRequest body) {
        Membership m = manage.refund(caller, network(slug), membershipId,
                new RefundCommand.Raw(body.method(), body.amountCents(), body.reference()),
                RequestValues.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag("\"" + m.version() + "\"").body(MembershipResponse.of(m));
    }

    @Operation(summary = "Switch a subscription's automatic renewal off or on", description = "The member it "
            + "belongs to; animators; managers for their operators' sales (others: 404 membership.not-found). Any "
            + "period of the subscription may be named: the change applies to its latest period, which is answered. "
            + "autoRenew false: no next period will be created (RENEWAL_STOPPED); true: renewed again "
            + "(RENEWAL_RESUMED); as it already was: nothing changes. A subscription bought online is changed in "
            + "Stripe first (cancel_at_period_end on the operator's account): 503 if Stripe cannot be reached "
            + "(nothing changed). 409 membership.renewal.subscriptions-only, membership.renewal.ended (its latest "
            + "period expired or was cancelled), membership.renewal.provider-ended (resuming once the Stripe "
            + "subscription has ended), membership.renewal.payment-pending (bought online, not paid yet), "
            + "payment.online.not-configured.")
    @PutMapping(path = "/memberships/{membershipId}/auto-renew", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MembershipResponse> autoRenew(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String membershipId, @RequestBody AutoRenewRequest body) {
        Membership m = renewals.setAutoRenew(caller, network(slug), membershipId, body.autoRenew());
        return ResponseEntity.ok().eTag("\"" + m.version() + "\"").body(MembershipResponse.of(m));
    }

    @Operation(summary = "A membership's history", description = "Its events in order: SOLD, PAYMENT_RECORDED, "
            + "ACTIVATED, CANCELLED, EXPIRED, RENEWED, REFUNDED, RENEWAL_STOPPED, RENEWAL_RESUMED. Whoever may read "
            + "the membership.")
    @GetMapping("/memberships/{membershipId}/history")
    PageResponse<EventResponse> history(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String membershipId, @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(memberships.history(caller, network(slug), membershipId, PageRequest.of(page, size)),
                EventResponse::of);
    }
}
