package fr.maillage.bootstrap.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Stripe API of the end-to-end tests: one in-process WireMock for the run, answering like Stripe with the objects
 * each test stubs (scoped by connected account, so tests never see each other's stubs), and the webhook secret that
 * signs the deliveries the tests post.
 */
final class StripeStub {

    static final String WEBHOOK_SECRET = "whsec_maillage_end_to_end";
    static final WireMockServer SERVER = start();

    private StripeStub() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        // What Stripe answers when a test stubbed nothing more precise (lowest priority): a new account, a link, a
        // new open session, an open session read back; ids drawn at random, as Stripe's are.
        String random = "{{randomValue length=24 type='ALPHANUMERIC'}}";
        server.stubFor(post(urlPathEqualTo("/v1/accounts")).atPriority(10).willReturn(templated(
                account("acct_" + random, false, "external_account"))));
        server.stubFor(post(urlPathEqualTo("/v1/account_links")).atPriority(10).willReturn(templated("""
                {"object": "account_link", "created": 1763800000, "expires_at": 1763800300,
                 "url": "https://connect.stripe.com/setup/s/%s"}""".formatted(random))));
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).atPriority(10).willReturn(templated(
                session("cs_test_" + random, "open", "unpaid", null, 5000, "unknown"))));
        server.stubFor(get(urlPathMatching("/v1/checkout/sessions/[^/]+")).atPriority(10).willReturn(templated(
                session("{{request.pathSegments.[3]}}", "open", "unpaid", null, 5000, "unknown"))));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Stripe's settings for the application under test: keys set, Stripe here, quick retries, no scheduled job. */
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("maillage.stripe.secret-key", () -> "sk_test_maillage_end_to_end");
        registry.add("maillage.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("maillage.stripe.api-base", () -> "http://localhost:" + SERVER.port());
        registry.add("maillage.stripe.read-timeout", () -> "PT1S");
        registry.add("maillage.stripe.retry-delay", () -> "PT0.05S");
        registry.add("maillage.stripe.reconciliation.enabled", () -> "false");
        registry.add("maillage.public-url", () -> "https://maillage.test");
    }

    private static ResponseDefinitionBuilder templated(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)
                .withTransformers("response-template");
    }

    /** Connects the operator (as {@code token}'s owner) and enables its account by a signed account.updated. */
    static String connectAndEnable(Api api, String slug, String operator, String token) {
        Api.Reply connected = api.post("/api/networks/" + slug + "/operators/" + operator + "/stripe-account", null)
                .token(token).send();
        if (connected.status() != 200) {
            throw new IllegalStateException("cannot connect the operator to Stripe: " + connected);
        }
        String account = connected.json().get("accountId").asString();
        String payload = event(id("evt_"), "account.updated", account, java.time.Instant.now().getEpochSecond(),
                account(account, true));
        Api.Reply updated = api.post("/api/public/stripe/webhooks", payload).header("Stripe-Signature",
                signature(payload, java.time.Instant.now().getEpochSecond(), WEBHOOK_SECRET)).send();
        if (updated.status() != 200) {
            throw new IllegalStateException("cannot enable the Stripe account: " + updated);
        }
        return account;
    }

    /** A Stripe-like id: the prefix and 24 random letters and digits. */
    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** The Stripe-Signature header of a payload signed at {@code timestamp} (seconds) with {@code secret}. */
    static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event of a connected account as Stripe delivers it. */
    static String event(String id, String type, String account, long created, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "2026-07-29.dahlia", "account": "%s", "created": %d,
                 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
                 "type": "%s", "data": {"object": %s}}""".formatted(id, account, created, type, object);
    }

    /** A Checkout session (mode payment) as Stripe shows it. */
    static String session(String id, String status, String paymentStatus, String paymentIntent, long amount,
            String membership) {
        return """
                {"id": "%s", "object": "checkout.session", "mode": "payment", "status": "%s",
                 "payment_status": "%s", "payment_intent": %s, "amount_subtotal": %d, "amount_total": %d,
                 "currency": "eur", "livemode": false, "created": 1763800000, "expires_at": 1763886400,
                 "url": %s, "payment_method_types": ["card", "sepa_debit"], "client_reference_id": "%s",
                 "customer_details": {"email": "camille@maillage.test", "name": null},
                 "metadata": {"membership_id": "%s"},
                 "success_url": "https://maillage.test/ok", "cancel_url": "https://maillage.test/ko"}"""
                .formatted(id, status, paymentStatus, paymentIntent == null ? "null" : "\"" + paymentIntent + "\"",
                        amount, amount, "open".equals(status) ? "\"https://checkout.stripe.com/c/pay/" + id + "\""
                                : "null", membership, membership);
    }

    /** A connected account as Stripe shows it. */
    static String account(String id, boolean enabled, String... currentlyDue) {
        StringBuilder due = new StringBuilder();
        for (String field : currentlyDue) {
            due.append(due.isEmpty() ? "" : ", ").append('"').append(field).append('"');
        }
        return """
                {"id": "%s", "object": "account", "type": "standard", "country": "FR", "default_currency": "eur",
                 "charges_enabled": %s, "payouts_enabled": %s, "details_submitted": %s,
                 "capabilities": {"card_payments": "%s", "sepa_debit_payments": "%s"},
                 "requirements": {"currently_due": [%s], "eventually_due": [], "past_due": [],
                   "disabled_reason": %s}, "metadata": {}}"""
                .formatted(id, enabled, enabled, enabled, enabled ? "active" : "inactive",
                        enabled ? "active" : "inactive", due, enabled ? "null" : "\"requirements.past_due\"");
    }

    /** A charge with {@code refunded} cents refunded so far, the last refund first. */
    static String charge(String id, String paymentIntent, long amount, long refunded, String lastRefund) {
        return """
                {"id": "%s", "object": "charge", "amount": %d, "amount_captured": %d, "amount_refunded": %d,
                 "currency": "eur", "paid": true, "captured": true, "refunded": %s, "payment_intent": "%s",
                 "livemode": false, "created": 1763800000, "status": "succeeded",
                 "refunds": {"object": "list", "has_more": false, "data": [{"id": "%s", "object": "refund",
                   "amount": %d, "charge": "%s", "currency": "eur", "status": "succeeded"}]}}"""
                .formatted(id, amount, amount, refunded, refunded == amount, paymentIntent, lastRefund, refunded, id);
    }

    /** A subscription on a connected account as Stripe shows it (one monthly item). */
    static String subscription(String id, String status, boolean cancelAtPeriodEnd, String membership) {
        return """
                {"id": "%s", "object": "subscription", "status": "%s", "cancel_at_period_end": %s,
                 "cancel_at": %s, "canceled_at": %s, "ended_at": %s, "collection_method": "charge_automatically",
                 "created": 1763800000, "currency": "eur", "customer": "cus_maillage0000000000001",
                 "livemode": false, "start_date": 1763800000,
                 "items": {"object": "list", "has_more": false, "data": [{"id": "si_maillage00000000001",
                   "object": "subscription_item", "quantity": 1, "subscription": "%s",
                   "current_period_start": 1763800000, "current_period_end": 1766478400,
                   "price": {"id": "price_maillage000000001", "object": "price", "currency": "eur",
                     "unit_amount": 6000, "type": "recurring", "recurring": {"interval": "month",
                     "interval_count": 1, "usage_type": "licensed"}}}]},
                 "metadata": {"membership_id": "%s"}}"""
                .formatted(id, status, cancelAtPeriodEnd, cancelAtPeriodEnd ? "1766478400" : "null",
                        "canceled".equals(status) ? "1766478400" : "null",
                        "canceled".equals(status) ? "1766478400" : "null", id, membership);
    }
}
