package fr.maillage.adapter.rest.payment;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.membership.MembershipResponse;
import fr.maillage.application.payment.port.in.OnlinePaymentsUseCase;
import fr.maillage.application.payment.port.in.OnlinePaymentsUseCase.CheckoutStarted;
import fr.maillage.application.payment.port.in.OnlinePaymentsUseCase.Onboarding;
import fr.maillage.application.payment.port.in.ProviderEventsUseCase;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.ConnectedAccount;
import fr.maillage.application.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online payments: an operator connects its Stripe account (animators, managers for their operators), a member pays
 * an offer through Stripe Checkout, Stripe delivers its events to the webhook. Without Stripe keys every endpoint
 * answers 409 {@code payment.online.not-configured}.
 */
@RestController
@Tag(name = "Online payments", description = "Stripe Connect accounts of operators, Checkout for members, webhook")
class OnlinePaymentController {

    private final OnlinePaymentsUseCase payments;
    private final ProviderEventsUseCase events;

    OnlinePaymentController(OnlinePaymentsUseCase payments, ProviderEventsUseCase events) {
        this.payments = payments;
        this.events = events;
    }

    record AccountResponse(UUID operatorId, String accountId, boolean chargesEnabled, boolean payoutsEnabled,
            boolean detailsSubmitted, List<String> requirements, @Nullable String onboardingUrl) {

        static AccountResponse of(ConnectedAccount a, @Nullable String url) {
            return new AccountResponse(a.operator().value(), a.accountId(), a.chargesEnabled(), a.payoutsEnabled(),
                    a.detailsSubmitted(), a.requirements(), url);
        }
    }

    record CheckoutRequest(@Nullable String offerId) {
    }

    record CheckoutResponse(String sessionId, String url, MembershipResponse membership) {
    }

    record WebhookResponse(String outcome) {
    }

    @Operation(summary = "Connect an operator to Stripe", description = "BILLING: animators; managers for the "
            + "operators they run (others: 404 operator.not-found). Creates the operator's Stripe account the first "
            + "time (idempotent), and answers a fresh single-use onboarding link (onboardingUrl) to open in the "
            + "browser. The account's status then follows Stripe's account.updated events.")
    @PostMapping(path = "/api/networks/{slug}/operators/{operatorId}/stripe-account",
            produces = MediaType.APPLICATION_JSON_VALUE)
    AccountResponse connect(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId) {
        Onboarding onboarding = payments.connect(caller, network(slug), operatorId);
        return AccountResponse.of(onboarding.account(), onboarding.url());
    }

    @Operation(summary = "An operator's Stripe account", description = "BILLING, as above. 404 "
            + "payment.online.account.not-found when the operator is not connected.")
    @GetMapping(path = "/api/networks/{slug}/operators/{operatorId}/stripe-account",
            produces = MediaType.APPLICATION_JSON_VALUE)
    AccountResponse account(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId) {
        return AccountResponse.of(payments.account(caller, network(slug), operatorId), null);
    }

    @Operation(summary = "Pay an offer online", description = "Members (self-service), for themselves. The "
            + "membership is sold pending payment and a Stripe Checkout session opened on the seller's account "
            + "(card or SEPA Direct Debit); open url to pay. 409 payment.online.operator-not-ready when the seller "
            + "cannot take payments yet, payment.online.free-offer for a free offer; 503 when Stripe cannot be "
            + "reached (the sale is then withdrawn).")
    @PostMapping(path = "/api/networks/{slug}/me/checkout", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CheckoutResponse> checkout(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody CheckoutRequest body) {
        CheckoutStarted started = payments.checkout(caller, network(slug), body.offerId() == null ? ""
                : body.offerId());
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/me/checkout/" + started.sessionId()))
                .body(new CheckoutResponse(started.sessionId(), started.url(),
                        MembershipResponse.of(started.membership())));
    }

    @Operation(summary = "Back from Stripe Checkout", description = "The member's return page: reads the session "
            + "from Stripe and, if it is paid, records the payment (once, whether this or the webhook comes first). "
            + "The membership as it is now (ACTIVE once paid; PENDING_PAYMENT while a SEPA debit is processing).")
    @GetMapping(path = "/api/networks/{slug}/me/checkout/{sessionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    MembershipResponse checkoutReturn(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String sessionId) {
        return MembershipResponse.of(payments.checkoutReturn(caller, network(slug), sessionId));
    }

    @Operation(summary = "Stripe's webhook (Connect events)", description = "No login: the Stripe-Signature header "
            + "is checked on the raw body with a time tolerance (400 stripe.webhook.signature otherwise). Each event "
            + "is applied once (a repeated delivery answers 200 DUPLICATE); a failure answers 5xx and leaves nothing, "
            + "so that Stripe's retry applies it.")
    @PostMapping(path = "/api/public/stripe/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookResponse webhook(@RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return new WebhookResponse(events.receive(body == null ? new byte[0] : body, signature).name());
    }
}
