package fr.maillage.adapter.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.maillage.application.payment.port.out.PaymentProviderPort.CheckoutRequest;
import fr.maillage.application.payment.port.out.PaymentProviderPort.CheckoutState;
import fr.maillage.application.payment.port.out.PaymentProviderPort.ProviderEvent;
import fr.maillage.application.shared.ServiceUnavailableException;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a local stub that answers like Stripe (WireMock, in-process). */
class StripeGatewayTest {

    static final String SECRET = "whsec_test_maillage";
    static final String ACCOUNT = "acct_1MaillageTest01";

    WireMockServer stripe;
    StripeGateway gateway;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(wireMockConfig().dynamicPort());
        stripe.start();
        // Read timeout 5 s: far above a cold first answer on a loaded machine, far below the slow stub's 12 s.
        gateway = new StripeGateway(new StripeSettings("sk_test_maillage", SECRET, "http://localhost:" + stripe.port(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofMillis(10), Duration.ofMinutes(5),
                "FR"));
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    static String session(String id, String paymentStatus) {
        return """
                {"id": "%s", "object": "checkout.session", "amount_total": 9000, "currency": "eur",
                 "mode": "payment", "status": "open", "payment_status": "%s", "payment_intent": null,
                 "url": "https://checkout.stripe.com/c/pay/%s", "livemode": false, "created": 1763800000,
                 "expires_at": 1763886400, "metadata": {"membership_id": "m-1", "network": "serres"},
                 "payment_method_types": ["card", "sepa_debit"], "success_url": "https://x/ok",
                 "cancel_url": "https://x/ko"}""".formatted(id, paymentStatus, id);
    }

    static CheckoutRequest request() {
        return new CheckoutRequest("Carte 10 entrées", 9000, "eur", 270, "https://maillage.test/ok",
                "https://maillage.test/ko", "camille@maillage.test", Map.of("membership_id", "m-1"), null, 0);
    }

    List<String> idempotencyKeys(String path) {
        return stripe.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
    }

    @Test
    void a_500_is_retried_with_the_same_idempotency_key_on_the_connected_account() {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"An unknown error occurred\"}}")));
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(session("cs_test_retry500", "unpaid"))));

        CheckoutState created = gateway.createCheckout(ACCOUNT, request(), "maillage-checkout-key-1");

        assertThat(created.id()).isEqualTo("cs_test_retry500");
        assertThat(idempotencyKeys("/v1/checkout/sessions"))
                .containsExactly("maillage-checkout-key-1", "maillage-checkout-key-1");
        List<LoggedRequest> requests = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getHeader("Stripe-Account")).isEqualTo(ACCOUNT);
            String form = r.getBodyAsString();
            assertThat(form).contains("mode=payment").contains("payment_method_types[0]=card")
                    .contains("payment_method_types[1]=sepa_debit")
                    .contains("payment_intent_data[application_fee_amount]=270")
                    .contains("metadata[membership_id]=m-1");
        });
    }

    @Test
    void a_timeout_is_retried_with_the_same_idempotency_key() {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                .willReturn(aResponse().withStatus(200).withFixedDelay(12_000)
                        .withHeader("Content-Type", "application/json").withBody(session("cs_test_late", "unpaid"))));
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(session("cs_test_late", "unpaid"))));

        CheckoutState created = gateway.createCheckout(ACCOUNT, request(), "maillage-checkout-key-2");

        assertThat(created.id()).isEqualTo("cs_test_late");
        assertThat(idempotencyKeys("/v1/checkout/sessions"))
                .containsExactly("maillage-checkout-key-2", "maillage-checkout-key-2");
    }

    @Test
    void stripe_down_after_the_retries_is_a_service_unavailable_and_a_4xx_is_not_retried() {
        stripe.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"down\"}}")));
        assertThatThrownBy(() -> gateway.createAccount("a@b.fr", "maillage-account-key"))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(idempotencyKeys("/v1/accounts")).hasSize(4).containsOnly("maillage-account-key");

        stripe.stubFor(post(urlPathEqualTo("/v1/account_links")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"No such account\"}}")));
        assertThatThrownBy(() -> gateway.onboardingLink(ACCOUNT, "https://x/r", "https://x/b", "maillage-link-key"))
                .isInstanceOf(ConflictException.class);
        assertThat(idempotencyKeys("/v1/account_links")).hasSize(1);
    }

    @Test
    void an_account_is_created_standard_in_france_and_read_with_its_requirements() {
        stripe.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "acct_1New", "object": "account", "type": "standard", "country": "FR",
                         "charges_enabled": false, "payouts_enabled": false, "details_submitted": false,
                         "requirements": {"currently_due": ["external_account", "tos_acceptance.date"],
                           "eventually_due": [], "past_due": [], "disabled_reason": "requirements.past_due"}}""")));
        var account = gateway.createAccount(null, "maillage-account-1");
        assertThat(account.id()).isEqualTo("acct_1New");
        assertThat(account.requirements()).containsExactly("external_account", "tos_acceptance.date");
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/accounts"))).getFirst().getBodyAsString())
                .contains("type=standard").contains("country=FR");
    }

    @Test
    void events_are_listed_per_connected_account_page_by_page_oldest_first() {
        stripe.stubFor(get(urlPathEqualTo("/v1/events")).withHeader("Stripe-Account", equalTo(ACCOUNT))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"object": "list", "url": "/v1/events", "has_more": false, "data": [
                          {"id": "evt_2", "object": "event", "type": "account.updated", "created": 1763800200,
                           "data": {"object": {"id": "%1$s", "object": "account", "charges_enabled": true,
                             "payouts_enabled": true, "details_submitted": true,
                             "requirements": {"currently_due": []}}}},
                          {"id": "evt_1", "object": "event", "type": "checkout.session.completed",
                           "created": 1763800100, "account": "%1$s",
                           "data": {"object": %2$s}}]}""".formatted(ACCOUNT, session("cs_test_1", "paid")))));

        List<ProviderEvent> events = gateway.eventsSince(ACCOUNT, Instant.ofEpochSecond(1763800000));

        assertThat(events).extracting(ProviderEvent::id).containsExactly("evt_1", "evt_2");
        assertThat(events).allSatisfy(e -> assertThat(e.account()).isEqualTo(ACCOUNT));
        assertThat(events.get(0).checkout().paid()).isTrue();
        assertThat(events.get(1).accountState().chargesEnabled()).isTrue();
        assertThat(stripe.getAllServeEvents().getFirst().getRequest().queryParameter("created[gte]").firstValue())
                .isEqualTo("1763800000");
    }

    // ---------------------------------------------------------------------------------------------- webhooks

    static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String completed(String eventId) {
        return """
                {"id": "%s", "object": "event", "api_version": "2025-01-27.acacia", "account": "%s",
                 "created": 1763800100, "livemode": false, "pending_webhooks": 1, "type": "checkout.session.completed",
                 "request": {"id": null, "idempotency_key": null}, "data": {"object": %s}}"""
                .formatted(eventId, ACCOUNT, session("cs_test_sig", "paid"));
    }

    @Test
    void a_delivery_signed_with_the_secret_is_read() {
        String payload = completed("evt_sig_ok");
        ProviderEvent event = gateway.verify(payload.getBytes(StandardCharsets.UTF_8),
                signature(payload, Instant.now().getEpochSecond(), SECRET));
        assertThat(event.id()).isEqualTo("evt_sig_ok");
        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.checkout().metadata()).containsEntry("membership_id", "m-1");
    }

    @Test
    void a_bad_signature_a_stale_timestamp_a_changed_body_or_no_signature_are_refused() {
        String payload = completed("evt_sig_bad");
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        assertThatThrownBy(() -> gateway.verify(body, signature(payload, now, "whsec_someone_else")))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("stripe.webhook.signature"));
        assertThatThrownBy(() -> gateway.verify(body, signature(payload, now - 600, SECRET)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("stripe.webhook.signature"));
        assertThatThrownBy(() -> gateway.verify((payload + " ").getBytes(StandardCharsets.UTF_8),
                signature(payload, now, SECRET))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> gateway.verify(body, null)).isInstanceOf(InvalidValueException.class);
    }

    /** A subscription as Stripe shows it (the fields we read, and some we do not). */
    static String subscription(String id, String status, boolean cancelAtPeriodEnd) {
        return """
                {"id": "%s", "object": "subscription", "status": "%s", "cancel_at_period_end": %s,
                 "cancel_at": %s, "canceled_at": null, "ended_at": null, "collection_method": "charge_automatically",
                 "created": 1763800000, "currency": "eur", "customer": "cus_TMaillage0001", "livemode": false,
                 "application_fee_percent": 1.5, "start_date": 1763800000,
                 "items": {"object": "list", "has_more": false, "data": [{"id": "si_TMaillage0001",
                   "object": "subscription_item", "quantity": 1, "subscription": "%s",
                   "current_period_start": 1763800000, "current_period_end": 1766478400,
                   "price": {"id": "price_TMaillage0001", "object": "price", "currency": "eur",
                     "unit_amount": 6000, "type": "recurring", "recurring": {"interval": "month",
                     "interval_count": 1, "usage_type": "licensed"}}}]},
                 "metadata": {"membership_id": "m-1", "network": "serres"}}"""
                .formatted(id, status, cancelAtPeriodEnd, cancelAtPeriodEnd ? "1766478400" : "null", id);
    }

    @Test
    void cancel_at_period_end_is_sent_on_the_connected_account_with_the_key_and_retried_with_it_after_a_500() {
        stripe.stubFor(post(urlPathEqualTo("/v1/subscriptions/sub_TMaillage0001")).inScenario("flaky-sub")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\"}}")));
        stripe.stubFor(post(urlPathEqualTo("/v1/subscriptions/sub_TMaillage0001")).inScenario("flaky-sub")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(subscription("sub_TMaillage0001", "active", true))));

        var updated = gateway.updateSubscription(ACCOUNT, "sub_TMaillage0001", true, "maillage-renewal-key-1");

        assertThat(updated.id()).isEqualTo("sub_TMaillage0001");
        assertThat(updated.cancelAtPeriodEnd()).isTrue();
        assertThat(updated.ended()).isFalse();
        List<LoggedRequest> requests = stripe.findAll(postRequestedFor(
                urlPathEqualTo("/v1/subscriptions/sub_TMaillage0001")));
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo("maillage-renewal-key-1");
            assertThat(r.getHeader("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(r.getBodyAsString()).isEqualTo("cancel_at_period_end=true");
        });

        stripe.stubFor(post(urlPathEqualTo("/v1/subscriptions/sub_TMaillage0002")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(subscription("sub_TMaillage0002", "active", false))));
        assertThat(gateway.updateSubscription(ACCOUNT, "sub_TMaillage0002", false, "maillage-renewal-key-2")
                .cancelAtPeriodEnd()).isFalse();
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_TMaillage0002")))
                .getFirst().getBodyAsString()).isEqualTo("cancel_at_period_end=false");
    }

    static String subscriptionEvent(String eventId, String type, String subscription) {
        return """
                {"id": "%s", "object": "event", "api_version": "2026-07-29.dahlia", "account": "%s",
                 "created": 1763900000, "livemode": false, "pending_webhooks": 1, "type": "%s",
                 "request": {"id": null, "idempotency_key": null},
                 "data": {"object": %s, "previous_attributes": {"cancel_at_period_end": false}}}"""
                .formatted(eventId, ACCOUNT, type, subscription);
    }

    @Test
    void subscription_events_are_read_with_their_status_and_cancel_at_period_end() {
        String updated = subscriptionEvent("evt_sub_updated", "customer.subscription.updated",
                subscription("sub_TMaillage0001", "active", true));
        ProviderEvent event = gateway.verify(updated.getBytes(StandardCharsets.UTF_8),
                signature(updated, Instant.now().getEpochSecond(), SECRET));
        assertThat(event.type()).isEqualTo("customer.subscription.updated");
        assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1763900000));
        assertThat(event.subscription()).isNotNull();
        assertThat(event.subscription().id()).isEqualTo("sub_TMaillage0001");
        assertThat(event.subscription().status()).isEqualTo("active");
        assertThat(event.subscription().cancelAtPeriodEnd()).isTrue();
        assertThat(event.subscription().ended()).isFalse();
        assertThat(event.checkout()).isNull();
        assertThat(event.invoice()).isNull();

        String deleted = subscriptionEvent("evt_sub_deleted", "customer.subscription.deleted",
                subscription("sub_TMaillage0001", "canceled", false));
        ProviderEvent end = gateway.verify(deleted.getBytes(StandardCharsets.UTF_8),
                signature(deleted, Instant.now().getEpochSecond(), SECRET));
        assertThat(end.subscription().ended()).isTrue();
        assertThat(end.subscription().cancelAtPeriodEnd()).isFalse();
    }

    @Test
    void without_keys_nothing_is_called_and_online_payment_is_not_configured() {
        StripeGateway off = new StripeGateway(new StripeSettings("", "", "", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, Duration.ofMillis(1), Duration.ofMinutes(5), "FR"));
        assertThat(off.configured()).isFalse();
        assertThatThrownBy(() -> off.createAccount(null, "k")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("payment.online.not-configured"));
        assertThatThrownBy(() -> off.verify(new byte[0], "t=1,v1=00")).isInstanceOf(ConflictException.class);
    }
}
