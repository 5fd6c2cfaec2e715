package fr.maillage.bootstrap.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static fr.maillage.bootstrap.it.StripeStub.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.maillage.application.mail.relay.MailRelay;
import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase;
import fr.maillage.application.payment.port.in.ProviderEventsUseCase;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Online payments end to end, against a local Stripe (WireMock) and signed webhook deliveries: an operator connects
 * its Stripe account, its status follows account.updated (never rolled back by an older event); a member pays La
 * Serre's card through Checkout on the operator's account; each event applies once, in sequence or concurrently, in
 * any order; a crash while applying leaves nothing and the redelivery completes it; the return page and the webhook
 * together record one payment; a refund is recorded; the reconciliation applies what no webhook delivered.
 */
class OnlinePaymentsIT extends EndToEndTest {

    static final String WEBHOOK = "/api/public/stripe/webhooks";

    @Autowired
    ProviderEventsUseCase events;

    @Autowired
    MembershipLifecycleUseCase lifecycle;

    @Autowired
    fr.maillage.application.mail.port.out.OutboxRelayPort relayPort;

    @Autowired
    fr.maillage.application.network.port.out.LoadNetworkPort networks;

    @Autowired
    fr.maillage.application.shared.port.out.UnitOfWorkPort unitOfWork;

    /** The application's attachment sources, for the relay the mail tests run. */
    @Autowired
    List<fr.maillage.application.mail.AttachmentSource> sources;

    /** A network whose operator (run by the manager) sells La Serre's card for 50 €, and a member with an account. */
    record Shop(String slug, Person animator, Person manager, Person member, String operator, String card,
            String account) {
    }

    @AfterEach
    void disarm() {
        InjectedFailure.disarm();
    }

    // ---------------------------------------------------------------------------------------------- connect

    @Test
    void an_operator_connects_its_stripe_account_and_its_status_follows_account_updated_never_rolled_back() {
        Shop shop = shop("connect", false);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        String key = sql.rows("select idempotency_key from stripe_request where purpose = 'account'").getFirst()
                .get("idempotency_key").toString();
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo("/v1/accounts"))
                .withHeader("Idempotency-Key", equalTo(key)))).as("one creation, with the key stored for the operator")
                .hasSize(1).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("type=standard", "country=FR"));
        assertThat(sql.rows("select purpose, object_id, status, result from stripe_request where purpose = 'account'"))
                .containsExactly(Map.of("purpose", "account", "object_id", shop.operator(), "status", "DONE",
                        "result", shop.account()));

        Api.Reply again = api.post(account(shop), null).token(shop.manager().token()).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("accountId").asString()).isEqualTo(shop.account());
        assertThat(again.json().get("onboardingUrl").asString()).startsWith("https://connect.stripe.com/setup/s/");
        assertThat(sql.count("select count(*) from stripe_request where purpose = 'account'")).isEqualTo(1);
        assertThat(sql.count("select count(*) from stripe_request where purpose = 'account-link'")).isEqualTo(2);

        Api.Reply read = api.get(account(shop)).token(shop.manager().token()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("chargesEnabled").asBoolean()).isFalse();
        assertThat(read.json().get("requirements").values()).extracting(JsonNode::asString)
                .containsExactly("external_account", "tos_acceptance.date");

        long t = Instant.now().getEpochSecond();
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "account.updated", shop.account(), t,
                StripeStub.account(shop.account(), true))).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "account.updated", shop.account(), t - 60,
                StripeStub.account(shop.account(), false, "external_account"))).json().get("outcome").asString())
                .as("an older event is recorded but changes nothing").isEqualTo("APPLIED");

        JsonNode now = api.get(account(shop)).token(shop.animator().token()).send().json();
        assertThat(now.get("chargesEnabled").asBoolean()).isTrue();
        assertThat(now.get("payoutsEnabled").asBoolean()).isTrue();
        assertThat(now.get("detailsSubmitted").asBoolean()).isTrue();
        assertThat(now.get("requirements").values()).isEmpty();

        Api.Reply member = api.post(account(shop), null).token(shop.member().token()).send();
        assertThat(member.status()).as("members do not connect operators").isEqualTo(403);
    }

    // ---------------------------------------------------------------------------------------------- checkout

    @Test
    void a_member_pays_la_serre_card_by_checkout_on_the_operator_account_and_the_webhook_fulfils_it_once() {
        Shop shop = shop("checkout", true);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        sql.update("insert into stripe_network_fee (network_id, fixed_cents, per_mille) values (?, 100, 20)",
                sql.network());
        String session = StripeStub.id("cs_test_");
        // Stripe answers 500 first: the session is created at the retry, with the same idempotency key.
        SERVER.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Stripe-Account",
                equalTo(shop.account())).inScenario(session).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                        "application/json").withBody("{\"error\": {\"type\": \"api_error\"}}")));
        SERVER.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Stripe-Account",
                equalTo(shop.account())).inScenario(session).whenScenarioStateIs("up")
                .willReturn(json(StripeStub.session(session, "open", "unpaid", null, 5000, "pending"))));

        Api.Reply started = checkout(shop);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().get("sessionId").asString()).isEqualTo(session);
        assertThat(started.json().get("url").asString()).isEqualTo("https://checkout.stripe.com/c/pay/" + session);
        JsonNode membership = started.json().get("membership");
        String id = membership.get("id").asString();
        assertThat(membership.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(membership.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(documents(sql, id)).as("an online sale is invoiced when paid, not when the checkout starts")
                .isEmpty();

        List<LoggedRequest> calls = SERVER.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Stripe-Account", equalTo(shop.account())));
        assertThat(calls).hasSize(2);
        String key = sql.rows("select idempotency_key from stripe_request where purpose = 'checkout' and object_id = ?",
                id).getFirst().get("idempotency_key").toString();
        assertThat(calls).extracting(r -> r.getHeader("Idempotency-Key")).containsExactly(key, key);
        assertThat(calls.getFirst().getBodyAsString()).contains("mode=payment", "payment_method_types[0]=card",
                "payment_method_types[1]=sepa_debit", "payment_intent_data[application_fee_amount]=200",
                "metadata[membership_id]=" + id, "line_items[0][price_data][unit_amount]=5000",
                "success_url=https%3A%2F%2Fmaillage.test%2Fnetworks%2F" + shop.slug());

        String intent = StripeStub.id("pi_");
        String completed = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(),
                Instant.now().getEpochSecond(), StripeStub.session(session, "complete", "paid", intent, 5000, id));
        assertThat(deliver(completed).json().get("outcome").asString()).isEqualTo("APPLIED");
        Api.Reply twice = deliver(completed);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.json().get("outcome").asString()).isEqualTo("DUPLICATE");

        JsonNode active = membership(shop, id);
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("amountPaidCents").asLong()).isEqualTo(5000);
        assertThat(sql.rows("select method, amount_cents, reference, idempotency_key from payment where membership_id = ?::uuid", id))
                .containsExactly(Map.of("method", "ONLINE", "amount_cents", 5000L, "reference", intent,
                        "idempotency_key", "stripe:" + session));
        assertThat(sql.rows("select status, payment_intent, fee_cents from stripe_checkout where session_id = ?", session))
                .containsExactly(Map.of("status", "PAID", "payment_intent", intent, "fee_cents", 200L));
        assertThat(documents(sql, id)).as("one invoice, issued at the payment and settled by it")
                .containsExactly("INVOICE 5000 settled 5000");

        // A partial refund at Stripe, then an older state of the same charge: one refund recorded.
        String charge = StripeStub.id("ch_");
        long t = Instant.now().getEpochSecond();
        deliver(StripeStub.event(StripeStub.id("evt_"), "charge.refunded", shop.account(), t,
                StripeStub.charge(charge, intent, 5000, 2000, "re_first")));
        deliver(StripeStub.event(StripeStub.id("evt_"), "charge.refunded", shop.account(), t - 5,
                StripeStub.charge(charge, intent, 5000, 2000, "re_first")));
        assertThat(membership(shop, id).get("amountPaidCents").asLong()).isEqualTo(3000);
        assertThat(types(shop, id)).containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED", "REFUNDED");
        assertThat(documents(sql, id)).containsExactly("INVOICE 5000 settled 5000", "CREDIT_NOTE 2000 settled 0");
    }

    /** The invoices and credit notes of a membership, in order: kind, total, and what payments settled. */
    static List<String> documents(TenantSql sql, String membership) {
        return sql.rows("""
                select i.kind, i.gross_cents, coalesce((select sum(p.amount_cents) from invoice_payment p
                  where p.network_id = i.network_id and p.invoice_id = i.id), 0) as settled
                from invoice i where i.membership_id = ?::uuid order by i.chain_position""", membership).stream()
                .map(r -> r.get("kind") + " " + r.get("gross_cents") + " settled " + r.get("settled")).toList();
    }

    // ---------------------------------------------------------------------------------------------- platform fee

    @Test
    void a_platform_admin_sets_the_network_fee_the_next_checkout_takes_it_and_removing_it_means_no_fee() {
        Shop shop = shop("fee", true);
        String fee = "/api/networks/" + shop.slug() + "/platform-fee";
        TenantSql sql = TenantSql.of(jdbc, shop.slug());

        Api.Reply none = api.get(fee).token(shop.animator().token()).send();
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().get("fixedCents").asLong()).isZero();
        assertThat(none.json().get("perMille").asInt()).isZero();

        Api.Reply set = api.put(fee, "{\"fixedCents\": 30, \"perMille\": 15}").token(platformAdmin()).send();
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("fixedCents").asLong()).isEqualTo(30);
        assertThat(set.json().get("perMille").asInt()).isEqualTo(15);
        Api.Reply read = api.get(fee).token(shop.manager().token()).send();
        assertThat(read.status()).as("managers read it too: " + read).isEqualTo(200);
        assertThat(read.json().get("perMille").asInt()).isEqualTo(15);
        assertThat(sql.rows("select action, details->>'fixedCents' as fixed, details->>'perMille' as per_mille"
                + " from audit_event where action like 'network.platform-fee.%'"))
                .containsExactly(Map.of("action", "network.platform-fee.set", "fixed", "30", "per_mille", "15"));

        // 30 cents + 15 per mille of 50 € = 105 cents, on the next session of the operator's account.
        Checkout first = open(shop);
        String form = lastCheckoutForm(shop);
        assertThat(form).contains("payment_intent_data[application_fee_amount]=105",
                "metadata[membership_id]=" + first.membership());
        assertThat(sql.rows("select fee_cents from stripe_checkout where session_id = ?", first.session()))
                .containsExactly(Map.of("fee_cents", 105L));

        Api.Reply removed = api.delete(fee).token(platformAdmin()).send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.delete(fee).token(platformAdmin()).send().status()).as("removing again").isEqualTo(204);
        assertThat(sql.count("select count(*) from audit_event where action = 'network.platform-fee.removed'"))
                .as("one removal audited").isEqualTo(1);
        Checkout second = open(shop);
        assertThat(lastCheckoutForm(shop)).contains("metadata[membership_id]=" + second.membership())
                .doesNotContain("application_fee_amount");
        assertThat(sql.rows("select fee_cents from stripe_checkout where session_id = ?", second.session()))
                .containsExactly(Map.of("fee_cents", 0L));
        assertThat(api.get(fee).token(shop.animator().token()).send().json().get("fixedCents").asLong()).isZero();
    }

    @Test
    void invalid_fees_are_400_with_their_fields_animators_cannot_change_the_fee_and_other_networks_do_not_see_it() {
        Shop shop = shop("fee-rules", false);
        String fee = "/api/networks/" + shop.slug() + "/platform-fee";
        api.put(fee, "{\"fixedCents\": 10, \"perMille\": 5}").token(platformAdmin()).send();

        Api.Reply invalid = api.put(fee, "{\"fixedCents\": -1, \"perMille\": 301}").token(platformAdmin())
                .header("Accept-Language", "en").send();
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors").values()).extracting(e -> e.get("field").asString() + ":"
                + e.get("code").asString()).containsExactlyInAnyOrder("fixedCents:platform-fee.fixed-cents.range",
                "perMille:platform-fee.per-mille.range");
        assertThat(invalid.json().get("errors").values()).extracting(e -> e.get("message").asString())
                .contains("The proportional part of the platform’s fee is between 0 and 300 per mille.");
        Api.Reply tooHigh = api.put(fee, "{\"fixedCents\": 2001, \"perMille\": 0}").token(platformAdmin()).send();
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().get("errors").get(0).get("message").asString())
                .startsWith("La part fixe de la commission de la plateforme est comprise entre 0 et 2");
        Api.Reply missing = api.put(fee, "{\"perMille\": 10}").token(platformAdmin()).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").values()).extracting(e -> e.get("field").asString() + ":"
                + e.get("code").asString()).containsExactly("fixedCents:field.required");
        Api.Reply notANumber = api.put(fee, "{\"fixedCents\": \"beaucoup\", \"perMille\": 10}")
                .token(platformAdmin()).send();
        assertThat(notANumber.status()).as(notANumber.toString()).isEqualTo(400);

        Api.Reply byAnimator = api.put(fee, "{\"fixedCents\": 0, \"perMille\": 0}").token(shop.animator().token())
                .send();
        assertThat(byAnimator.status()).as(byAnimator.toString()).isEqualTo(403);
        assertThat(api.delete(fee).token(shop.manager().token()).send().status()).isEqualTo(403);
        assertThat(api.get(fee).token(shop.member().token()).send().status()).as("members do not read it")
                .isEqualTo(403);

        String elsewhere = newNetwork("pay-fee-elsewhere");
        Person stranger = personIn(elsewhere, NetworkRole.ANIMATOR);
        for (Api.Call call : List.of(api.get(fee), api.put(fee, "{\"fixedCents\": 0, \"perMille\": 0}"),
                api.delete(fee))) {
            Api.Reply reply = call.token(stranger.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }

        JsonNode kept = api.get(fee).token(shop.animator().token()).send().json();
        assertThat(kept.get("fixedCents").asLong()).isEqualTo(10);
        assertThat(kept.get("perMille").asInt()).isEqualTo(5);
        assertThat(TenantSql.of(jdbc, shop.slug()).count("select count(*) from audit_event where action like "
                + "'network.platform-fee.%'")).as("only the admin's change is audited").isEqualTo(1);
    }

    /** The form of the latest Checkout session created on the shop's account. */
    String lastCheckoutForm(Shop shop) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Stripe-Account", equalTo(shop.account()))).getLast().getBodyAsString();
    }

    @Test
    void a_checkout_is_refused_while_the_seller_cannot_take_payments_and_withdrawn_when_stripe_stays_down() {
        Shop shop = shop("down", false);
        Api.Reply notReady = checkout(shop);
        assertThat(notReady.status()).as(notReady.toString()).isEqualTo(409);
        assertThat(code(notReady)).isEqualTo("payment.online.operator-not-ready");

        deliver(StripeStub.event(StripeStub.id("evt_"), "account.updated", shop.account(),
                Instant.now().getEpochSecond(), StripeStub.account(shop.account(), true)));
        SERVER.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Stripe-Account",
                equalTo(shop.account())).willReturn(aResponse().withStatus(503).withHeader("Content-Type",
                        "application/json").withBody("{\"error\": {\"type\": \"api_error\"}}")));

        Api.Reply down = checkout(shop);

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(code(down)).isEqualTo("service.unavailable");
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        String key = sql.rows("select idempotency_key from stripe_request where purpose = 'checkout'").getFirst()
                .get("idempotency_key").toString();
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Stripe-Account", equalTo(shop.account()))))
                .as("the first attempt and 3 retries, all with the key stored before the first")
                .hasSize(4).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key));
        JsonNode withdrawn = api.get("/api/networks/" + shop.slug() + "/me/memberships")
                .token(shop.member().token()).send().json().get("items").get(0);
        assertThat(withdrawn.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(withdrawn.get("cancelReason").asString()).isEqualTo("Paiement en ligne indisponible");
    }

    @Test
    void bad_signatures_stale_timestamps_and_unsigned_bodies_are_refused_and_change_nothing() {
        Shop shop = shop("signature", true);
        Checkout c = open(shop);
        String payload = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(),
                Instant.now().getEpochSecond(), StripeStub.session(c.session(), "complete", "paid",
                        StripeStub.id("pi_"), 5000, c.membership()));
        long now = Instant.now().getEpochSecond();

        Api.Reply forged = api.post(WEBHOOK, payload)
                .header("Stripe-Signature", StripeStub.signature(payload, now, "whsec_forged")).send();
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(code(forged)).isEqualTo("stripe.webhook.signature");
        Api.Reply stale = api.post(WEBHOOK, payload)
                .header("Stripe-Signature", StripeStub.signature(payload, now - 3600, StripeStub.WEBHOOK_SECRET))
                .send();
        assertThat(stale.status()).as("replayed an hour later: " + stale).isEqualTo(400);
        assertThat(code(stale)).isEqualTo("stripe.webhook.signature");
        Api.Reply unsigned = api.post(WEBHOOK, payload).send();
        assertThat(unsigned.status()).isEqualTo(400);
        Api.Reply tampered = api.post(WEBHOOK, payload.replace("5000", "1"))
                .header("Stripe-Signature", StripeStub.signature(payload, now, StripeStub.WEBHOOK_SECRET)).send();
        assertThat(tampered.status()).isEqualTo(400);

        assertThat(membership(shop, c.membership()).get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(TenantSql.of(jdbc, shop.slug()).count("select count(*) from stripe_event where type like 'checkout.%'")).isZero();
    }

    @Test
    void the_same_event_delivered_concurrently_is_applied_once() throws Exception {
        Shop shop = shop("concurrent", true);
        Checkout c = open(shop);
        String completed = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(),
                Instant.now().getEpochSecond(), StripeStub.session(c.session(), "complete", "paid",
                        StripeStub.id("pi_"), 5000, c.membership()));
        List<Callable<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deliveries.add(() -> deliver(completed).json().get("outcome").asString());
        }

        List<String> outcomes = concurrently(deliveries);

        assertThat(outcomes).containsOnlyOnce("APPLIED").containsOnly("APPLIED", "DUPLICATE");
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        assertThat(sql.count("select count(*) from payment where membership_id = ?::uuid", c.membership())).isEqualTo(1);
        assertThat(types(shop, c.membership())).containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED");
        assertThat(documents(sql, c.membership())).as("one paid invoice").containsExactly("INVOICE 5000 settled 5000");
    }

    @Test
    void a_sepa_debit_succeeding_before_its_completed_event_arrives_is_not_rolled_back() {
        Shop shop = shop("sepa", true);
        Checkout c = open(shop);
        String intent = StripeStub.id("pi_");
        long t = Instant.now().getEpochSecond();
        String succeeded = StripeStub.event(StripeStub.id("evt_"), "checkout.session.async_payment_succeeded",
                shop.account(), t, StripeStub.session(c.session(), "complete", "paid", intent, 5000, c.membership()));
        String completedEarlier = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed",
                shop.account(), t - 3 * 86400,
                StripeStub.session(c.session(), "complete", "unpaid", intent, 5000, c.membership()));

        assertThat(deliver(succeeded).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(completedEarlier).json().get("outcome").asString()).isEqualTo("APPLIED");

        assertThat(membership(shop, c.membership()).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(TenantSql.of(jdbc, shop.slug()).rows("select status from stripe_checkout where session_id = ?",
                c.session())).containsExactly(Map.of("status", "PAID"));
    }

    @Test
    void a_failed_sepa_debit_cancels_the_pending_membership() {
        Shop shop = shop("sepafail", true);
        Checkout c = open(shop);
        long t = Instant.now().getEpochSecond();
        deliver(StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(), t - 60,
                StripeStub.session(c.session(), "complete", "unpaid", StripeStub.id("pi_"), 5000, c.membership())));
        assertThat(membership(shop, c.membership()).get("status").asString()).isEqualTo("PENDING_PAYMENT");

        deliver(StripeStub.event(StripeStub.id("evt_"), "checkout.session.async_payment_failed", shop.account(), t,
                StripeStub.session(c.session(), "complete", "unpaid", null, 5000, c.membership())));

        JsonNode cancelled = membership(shop, c.membership());
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("Paiement en ligne refusé");
        assertThat(TenantSql.of(jdbc, shop.slug()).rows("select status from stripe_checkout where session_id = ?",
                c.session())).containsExactly(Map.of("status", "FAILED"));
        assertThat(documents(TenantSql.of(jdbc, shop.slug()), c.membership()))
                .as("a sale never paid leaves no invoice and no credit note").isEmpty();
    }

    @Test
    void a_failed_sepa_debit_mails_the_member_once_however_often_it_is_delivered() throws Exception {
        Shop shop = shop("sepamail", true);
        Checkout c = open(shop);
        long t = Instant.now().getEpochSecond();
        String failed = StripeStub.event(StripeStub.id("evt_"), "checkout.session.async_payment_failed",
                shop.account(), t, StripeStub.session(c.session(), "complete", "unpaid", null, 5000, c.membership()));

        assertThat(deliver(failed).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(failed).json().get("outcome").asString()).isEqualTo("DUPLICATE");
        // Another event of the same failed session (as the reconciliation could bring): still one mail.
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "checkout.session.async_payment_failed",
                shop.account(), t + 1, StripeStub.session(c.session(), "complete", "unpaid", null, 5000,
                        c.membership()))).status()).isEqualTo(200);

        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        String email = shop.member().email();
        assertThat(sql.rows("select template_code, language, dedup_key from outbox_mail where recipient_email = ?",
                email)).containsExactly(Map.of("template_code", "payment-failed", "language", "fr",
                "dedup_key", "payment-failed:" + c.session()));
        JsonNode member = api.get("/api/networks/" + shop.slug() + "/members?q=" + email)
                .token(shop.manager().token()).send().json().get("items").get(0);
        try (Mailbox smtp = Mailbox.open()) {
            MailRelay relay = smtp.relay(relayPort, networks, unitOfWork, sources, 8);
            Instant later = Instant.now().plus(java.time.Duration.ofHours(1));
            assertThat(relay.relayDue(new fr.maillage.domain.network.NetworkId(sql.network()), later).sent())
                    .isEqualTo(1);
            assertThat(relay.relayDue(new fr.maillage.domain.network.NetworkId(sql.network()), later).sent())
                    .isZero();

            List<jakarta.mail.internet.MimeMessage> received = smtp.receivedBy(email);
            assertThat(received).hasSize(1);
            jakarta.mail.internet.MimeMessage mail = received.getFirst();
            assertThat(mail.getSubject()).isEqualTo("Votre paiement n’a pas abouti – Carte 10 entrées");
            String today = LocalDate.now(ZoneId.of("Europe/Paris"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            String network = api.get("/api/networks/" + shop.slug()).token(shop.animator().token()).send().json()
                    .get("name").asString();
            String text = Mailbox.leaves(mail).stream().filter(p -> Mailbox.contentType(p).startsWith("text/plain"))
                    .findFirst().orElseThrow().getContent().toString();
            assertThat(text).contains("Bonjour " + member.get("givenName").asString() + " "
                    + member.get("familyName").asString() + ",")
                    .contains("Votre paiement de 50,00\u00a0€ du " + today
                            + " pour « Carte 10 entrées » auprès de Opérateur sepamail n’a pas abouti")
                    .contains(network);
            assertThat(Mailbox.leaves(mail)).extracting(p -> Mailbox.contentType(p).split(";")[0])
                    .containsExactlyInAnyOrder("text/plain", "text/html");
        }
    }

    @Test
    void a_crash_while_applying_an_event_answers_5xx_leaves_nothing_and_the_redelivery_completes_it() {
        Shop shop = shop("crash", true);
        Checkout c = open(shop);
        String completed = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(),
                Instant.now().getEpochSecond(), StripeStub.session(c.session(), "complete", "paid",
                        StripeStub.id("pi_"), 5000, c.membership()));
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        InjectedFailure.armFor(c.membership());

        Api.Reply crashed = deliver(completed);

        assertThat(crashed.status()).as(crashed.toString()).isEqualTo(500);
        assertThat(sql.count("select count(*) from stripe_event where type like 'checkout.%'")).as("not even the event's id").isZero();
        assertThat(sql.count("select count(*) from payment where membership_id = ?::uuid", c.membership())).isZero();
        assertThat(sql.rows("select status from stripe_checkout where session_id = ?", c.session()))
                .containsExactly(Map.of("status", "OPEN"));
        assertThat(membership(shop, c.membership()).get("status").asString()).isEqualTo("PENDING_PAYMENT");

        Api.Reply retried = deliver(completed);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(membership(shop, c.membership()).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(sql.count("select count(*) from stripe_event where type like 'checkout.%'")).isEqualTo(1);
    }

    @Test
    void the_return_page_and_the_webhook_at_the_same_moment_record_one_payment() throws Exception {
        Shop shop = shop("together", true);
        Checkout c = open(shop);
        String intent = StripeStub.id("pi_");
        String paid = StripeStub.session(c.session(), "complete", "paid", intent, 5000, c.membership());
        SERVER.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + c.session()))
                .withHeader("Stripe-Account", equalTo(shop.account())).willReturn(json(paid)));
        String completed = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(),
                Instant.now().getEpochSecond(), paid);

        List<Integer> statuses = concurrently(List.<Callable<Integer>>of(
                () -> deliver(completed).status(),
                () -> api.get("/api/networks/" + shop.slug() + "/me/checkout/" + c.session())
                        .token(shop.member().token()).send().status(),
                () -> api.get("/api/networks/" + shop.slug() + "/me/checkout/" + c.session())
                        .token(shop.member().token()).send().status()));

        assertThat(statuses).containsOnly(200);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        assertThat(sql.count("select count(*) from payment where membership_id = ?::uuid", c.membership())).isEqualTo(1);
        assertThat(types(shop, c.membership())).containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED");
        assertThat(documents(sql, c.membership())).as("one paid invoice").containsExactly("INVOICE 5000 settled 5000");
        // One payment, one receipt in the outbox, with the invoice's PDF by reference.
        String invoice = sql.rows("select id::text as id from invoice where membership_id = ?::uuid and kind = "
                + "'INVOICE'", c.membership()).getFirst().get("id").toString();
        assertThat(sql.rows("select template_code, mail_values->>'amount' as amount, attachments::text as files "
                + "from outbox_mail where recipient_email = ?", shop.member().email())).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.get("template_code")).isEqualTo("payment-receipt");
                    assertThat(mail.get("amount")).isEqualTo("50,00\u00a0€");
                    assertThat(mail.get("files").toString()).contains("invoice-pdf").contains(invoice);
                });
        Api.Reply back = api.get("/api/networks/" + shop.slug() + "/me/checkout/" + c.session())
                .token(shop.member().token()).send();
        assertThat(back.json().get("status").asString()).isEqualTo("ACTIVE");
        Api.Reply someoneElse = api.get("/api/networks/" + shop.slug() + "/me/checkout/" + c.session())
                .token(shop.manager().token()).send();
        assertThat(someoneElse.status()).as("managers do not pay for themselves: " + someoneElse).isEqualTo(403);
    }

    @Test
    void the_reconciliation_applies_the_events_no_webhook_delivered_once() {
        Shop shop = shop("reconcile", true);
        Checkout c = open(shop);
        long t = Instant.now().getEpochSecond();
        String missed = StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(), t,
                StripeStub.session(c.session(), "complete", "paid", StripeStub.id("pi_"), 5000, c.membership()));
        SERVER.stubFor(get(urlPathEqualTo("/v1/events")).withHeader("Stripe-Account", equalTo(shop.account()))
                .willReturn(json("{\"object\": \"list\", \"url\": \"/v1/events\", \"has_more\": false, \"data\": ["
                        + missed + "]}")));

        events.reconcile(Instant.ofEpochSecond(t - 3600));
        events.reconcile(Instant.ofEpochSecond(t - 3600));

        assertThat(membership(shop, c.membership()).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(TenantSql.of(jdbc, shop.slug())
                .count("select count(*) from payment where membership_id = ?::uuid", c.membership())).isEqualTo(1);
        assertThat(deliver(missed).json().get("outcome").asString()).as("its webhook, late").isEqualTo("DUPLICATE");
    }

    @Test
    void a_monthly_subscription_bought_online_renews_and_each_paid_period_is_recorded_once() {
        Shop shop = shop("subscription", true);
        Opened opened = openSubscription(shop);
        String session = opened.session();
        String id = opened.membership();
        assertThat(membership(shop, id).get("autoRenew").asBoolean()).isTrue();
        String form = SERVER.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Stripe-Account", equalTo(shop.account()))).getFirst().getBodyAsString();
        assertThat(form).contains("mode=subscription", "line_items[0][price_data][recurring][interval]=month",
                "subscription_data[metadata][membership_id]=" + id, "payment_method_types[1]=sepa_debit")
                .doesNotContain("payment_intent_data");

        String subscription = StripeStub.id("sub_");
        String paidSession = StripeStub.session(session, "complete", "paid", null, 6000, id)
                .replace("\"mode\": \"payment\"", "\"mode\": \"subscription\", \"subscription\": \"" + subscription
                        + "\"");
        long t = Instant.now().getEpochSecond();
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(), t,
                paidSession)).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "invoice.paid", shop.account(), t,
                invoice(StripeStub.id("in_"), subscription, "subscription_create", 6000, id))).json()
                .get("outcome").asString()).as("the first period is paid by its session").isEqualTo("IGNORED");
        JsonNode first = membership(shop, id);
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");

        // The period ends: the lifecycle renews it, pending payment; Stripe's invoice of the next period pays it.
        Instant afterLastDay = LocalDate.parse(first.get("validUntil").asString()).plusDays(1)
                .atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().plusSeconds(90);
        String cycle = StripeStub.event(StripeStub.id("evt_"), "invoice.paid", shop.account(), t + 60,
                invoice(StripeStub.id("in_"), subscription, "subscription_cycle", 6000, id));
        assertThat(deliver(cycle).json().get("outcome").asString()).as("before the next period exists")
                .isEqualTo("IGNORED");
        lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), afterLastDay);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        String renewal = sql.rows("select id from membership where renewal_of = ?::uuid", id).getFirst().get("id")
                .toString();
        assertThat(membership(shop, renewal).get("status").asString()).isEqualTo("PENDING_PAYMENT");

        assertThat(deliver(cycle).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(cycle).json().get("outcome").asString()).isEqualTo("DUPLICATE");

        assertThat(membership(shop, renewal).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(sql.count("select count(*) from payment where membership_id = ?::uuid", renewal)).isEqualTo(1);
        assertThat(sql.count("select count(*) from payment where membership_id = ?::uuid", id)).isEqualTo(1);
        assertThat(documents(sql, id)).as("the first period's invoice").containsExactly("INVOICE 6000 settled 6000");
        assertThat(documents(sql, renewal)).as("one invoice per paid period")
                .containsExactly("INVOICE 6000 settled 6000");
    }

    // ---------------------------------------------------------------------------------------------- renewal ends

    @Test
    void a_subscription_deleted_in_stripe_stops_renewals_and_cancels_the_unpaid_next_period_once() {
        Shop shop = shop("sub-deleted", true);
        Subscribed sub = subscribe(shop);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), sub.afterFirstPeriod());
        String second = sql.rows("select id from membership where renewal_of = ?::uuid", sub.membership()).getFirst()
                .get("id").toString();
        assertThat(membership(shop, second).get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(documents(sql, second)).as("an online renewal is invoiced when paid, not before").isEmpty();

        long t = Instant.now().getEpochSecond();
        String deleted = StripeStub.event(StripeStub.id("evt_"), "customer.subscription.deleted", shop.account(),
                t, StripeStub.subscription(sub.subscription(), "canceled", false, sub.membership()));
        assertThat(deliver(deleted).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(deleted).json().get("outcome").asString()).isEqualTo("DUPLICATE");
        // An older update delivered late (still renewing, as Stripe saw it before the end): changes nothing.
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "customer.subscription.updated",
                shop.account(), t - 60, StripeStub.subscription(sub.subscription(), "active", false,
                        sub.membership()))).json().get("outcome").asString()).isEqualTo("APPLIED");

        JsonNode cancelled = membership(shop, second);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("autoRenew").asBoolean()).isFalse();
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("Abonnement Stripe terminé");
        assertThat(types(shop, second)).containsExactly("SOLD", "RENEWAL_STOPPED", "CANCELLED");
        assertThat(types(shop, sub.membership())).as("the paid first period is left as it is")
                .containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED", "EXPIRED", "RENEWED");
        assertThat(documents(sql, second)).as("never paid: no invoice, no credit note, whatever the events")
                .isEmpty();
        assertThat(documents(sql, sub.membership())).as("the paid first period keeps its invoice")
                .containsExactly("INVOICE 6000 settled 6000");
        assertThat(sql.rows("select cancel_at_period_end, ended from stripe_subscription where subscription_id = ?",
                sub.subscription())).containsExactly(Map.of("cancel_at_period_end", false, "ended", true));

        Instant afterSecond = LocalDate.parse(cancelled.get("validUntil").asString()).plusDays(1)
                .atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().plusSeconds(90);
        lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), afterSecond);
        assertThat(sql.count("select count(*) from membership where renewal_of = ?::uuid", second))
                .as("no further period").isZero();
        Api.Reply resume = api.put(autoRenew(shop, second), "{\"autoRenew\": true}").token(shop.member().token())
                .send();
        assertThat(resume.status()).as(resume.toString()).isEqualTo(409);
        assertThat(code(resume)).isEqualTo("membership.renewal.provider-ended");
    }

    @Test
    void the_member_stopping_renewal_sets_cancel_at_period_end_in_stripe_with_a_stored_key_and_events_apply_once() {
        Shop shop = shop("sub-stop", true);
        Subscribed sub = subscribe(shop);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        String path = "/v1/subscriptions/" + sub.subscription();
        // Stripe answers 500 first: the change is made at the retry, with the same idempotency key.
        SERVER.stubFor(post(urlPathEqualTo(path)).withHeader("Stripe-Account", equalTo(shop.account()))
                .inScenario(path).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\"}}")));
        SERVER.stubFor(post(urlPathEqualTo(path)).withHeader("Stripe-Account", equalTo(shop.account()))
                .inScenario(path).whenScenarioStateIs("up").willReturn(json(StripeStub.subscription(
                        sub.subscription(), "active", true, sub.membership()))));

        Api.Reply stopped = api.put(autoRenew(shop, sub.membership()), "{\"autoRenew\": false}")
                .token(shop.member().token()).send();

        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("autoRenew").asBoolean()).isFalse();
        Map<String, Object> request = sql.rows("select idempotency_key, status, result from stripe_request"
                + " where purpose = 'subscription-renewal'").getFirst();
        List<LoggedRequest> calls = SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(calls).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo(request.get("idempotency_key"));
            assertThat(r.getHeader("Stripe-Account")).isEqualTo(shop.account());
            assertThat(r.getBodyAsString()).isEqualTo("cancel_at_period_end=true");
        });
        assertThat(request).containsEntry("status", "DONE").containsEntry("result", sub.subscription());
        assertThat(types(shop, sub.membership())).containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED",
                "RENEWAL_STOPPED");
        assertThat(api.put(autoRenew(shop, sub.membership()), "{\"autoRenew\": false}")
                .token(shop.member().token()).send().status()).as("again: nothing to change").isEqualTo(200);
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo(path)))).as("and Stripe is not called again")
                .hasSize(2);

        // The event of our own change, then the operator resuming it in Stripe, then an older event delivered late.
        long t = Instant.now().getEpochSecond();
        assertThat(deliver(updated(shop, sub, t - 1, true)).json().get("outcome").asString()).isEqualTo("APPLIED");
        String resumed = updated(shop, sub, t + 120, false);
        assertThat(deliver(resumed).json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(deliver(resumed).json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(deliver(updated(shop, sub, t + 60, true)).json().get("outcome").asString())
                .isEqualTo("APPLIED");
        assertThat(membership(shop, sub.membership()).get("autoRenew").asBoolean()).as("the newest state").isTrue();
        assertThat(types(shop, sub.membership())).containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED",
                "RENEWAL_STOPPED", "RENEWAL_RESUMED");

        // The operator sets it to end again in Stripe: renewal stops, and the period's end creates nothing.
        assertThat(deliver(updated(shop, sub, t + 180, true)).json().get("outcome").asString()).isEqualTo("APPLIED");
        JsonNode history = api.get("/api/networks/" + shop.slug() + "/memberships/" + sub.membership() + "/history")
                .token(shop.manager().token()).send().json().get("items");
        assertThat(history.get(5).get("type").asString()).isEqualTo("RENEWAL_STOPPED");
        assertThat(history.get(5).get("actor").asString()).isEqualTo("system:stripe");
        assertThat(history.get(5).get("details").get("reason").asString()).isEqualTo("Résiliation demandée dans Stripe");
        lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), sub.afterFirstPeriod());
        assertThat(membership(shop, sub.membership()).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(sql.count("select count(*) from membership where renewal_of = ?::uuid", sub.membership()))
                .as("no next period").isZero();
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo(path)))).as("events never call Stripe").hasSize(2);
    }

    @Test
    void a_member_paying_a_subscription_online_is_erased_only_once_its_renewal_is_stopped_in_stripe() {
        Shop shop = shop("sub-erase", true);
        Subscribed sub = subscribe(shop);
        String erase = "/api/networks/" + shop.slug() + "/me/member/erase";

        Api.Reply refused = api.post(erase, "{\"confirm\": true}").token(shop.member().token()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("member.erase.online-subscription-renewing");
        assertThat(membership(shop, sub.membership()).get("autoRenew").asBoolean()).as("nothing changed").isTrue();

        String path = "/v1/subscriptions/" + sub.subscription();
        SERVER.stubFor(post(urlPathEqualTo(path)).withHeader("Stripe-Account", equalTo(shop.account()))
                .willReturn(json(StripeStub.subscription(sub.subscription(), "active", true, sub.membership()))));
        Api.Reply stopped = api.put(autoRenew(shop, sub.membership()), "{\"autoRenew\": false}")
                .token(shop.member().token()).send();
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo(path)))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).isEqualTo("cancel_at_period_end=true"));

        Api.Reply erased = api.post(erase, "{\"confirm\": true}").token(shop.member().token()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(TenantSql.of(jdbc, shop.slug()).rows("select status from member where id = ?::uuid",
                membership(shop, sub.membership()).get("memberId").asString()))
                .containsExactly(Map.of("status", "ERASED"));
    }

    @Test
    void renewal_of_a_subscription_bought_online_cannot_be_stopped_before_its_first_payment() {
        Shop shop = shop("sub-unpaid", true);
        Opened opened = openSubscription(shop);

        Api.Reply early = api.put(autoRenew(shop, opened.membership()), "{\"autoRenew\": false}")
                .token(shop.member().token()).header("Accept-Language", "en").send();

        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(code(early)).isEqualTo("membership.renewal.payment-pending");
        assertThat(early.json().get("detail").asString()).startsWith("This subscription bought online is not paid");
        assertThat(membership(shop, opened.membership()).get("autoRenew").asBoolean()).isTrue();
        assertThat(types(shop, opened.membership())).containsExactly("SOLD");
    }

    @Test
    void switching_renewal_off_while_stripe_is_down_changes_nothing() {
        Shop shop = shop("sub-down", true);
        Subscribed sub = subscribe(shop);
        String path = "/v1/subscriptions/" + sub.subscription();
        SERVER.stubFor(post(urlPathEqualTo(path)).withHeader("Stripe-Account", equalTo(shop.account()))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\"}}")));

        Api.Reply down = api.put(autoRenew(shop, sub.membership()), "{\"autoRenew\": false}")
                .token(shop.manager().token()).send();

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(SERVER.findAll(postRequestedFor(urlPathEqualTo(path)))).as("the first attempt and 3 retries")
                .hasSize(4).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(TenantSql.of(jdbc,
                        shop.slug()).rows("select idempotency_key from stripe_request where purpose ="
                        + " 'subscription-renewal'").getFirst().get("idempotency_key").toString());
        assertThat(membership(shop, sub.membership()).get("autoRenew").asBoolean()).isTrue();
        assertThat(types(shop, sub.membership())).containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED");
    }

    String updated(Shop shop, Subscribed sub, long created, boolean cancelAtPeriodEnd) {
        return StripeStub.event(StripeStub.id("evt_"), "customer.subscription.updated", shop.account(), created,
                StripeStub.subscription(sub.subscription(), "active", cancelAtPeriodEnd, sub.membership()));
    }

    static String autoRenew(Shop shop, String membership) {
        return "/api/networks/" + shop.slug() + "/memberships/" + membership + "/auto-renew";
    }

    /** A monthly subscription bought online by the shop's member: its first period, paid, and its Stripe id. */
    record Subscribed(String membership, String subscription, Instant afterFirstPeriod) {
    }

    Subscribed subscribe(Shop shop) {
        Opened opened = openSubscription(shop);
        String id = opened.membership();
        String subscription = StripeStub.id("sub_");
        String paidSession = StripeStub.session(opened.session(), "complete", "paid", null, 6000, id)
                .replace("\"mode\": \"payment\"", "\"mode\": \"subscription\", \"subscription\": \"" + subscription
                        + "\"");
        assertThat(deliver(StripeStub.event(StripeStub.id("evt_"), "checkout.session.completed", shop.account(),
                Instant.now().getEpochSecond(), paidSession)).json().get("outcome").asString()).isEqualTo("APPLIED");
        JsonNode first = membership(shop, id);
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("autoRenew").asBoolean()).isTrue();
        Instant afterLastDay = LocalDate.parse(first.get("validUntil").asString()).plusDays(1)
                .atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().plusSeconds(90);
        return new Subscribed(id, subscription, afterLastDay);
    }

    record Opened(String session, String membership) {
    }

    /** The shop's member opens a Checkout session for a monthly subscription of 60 € (not paid yet). */
    Opened openSubscription(Shop shop) {
        Api.Reply offer = api.post(OffersIT.offers(shop.slug()), """
                {"operatorId": "%s", "name": "Abonnement mensuel", "terms": {"type": "SUBSCRIPTION",
                 "billing": "MONTHLY"}, "priceCents": 6000, "scope": {"type": "OPERATOR_PLACES"}}"""
                .formatted(shop.operator())).token(shop.manager().token()).send();
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        String session = StripeStub.id("cs_test_");
        SERVER.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Stripe-Account",
                equalTo(shop.account())).willReturn(json(StripeStub.session(session, "open", "unpaid", null, 6000,
                        "pending"))));
        Api.Reply started = api.post("/api/networks/" + shop.slug() + "/me/checkout", "{\"offerId\": \""
                + offer.json().get("id").asString() + "\"}").token(shop.member().token()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return new Opened(session, started.json().get("membership").get("id").asString());
    }

    /** A paid invoice of a subscription, as Stripe shows it (the subscription under parent). */
    static String invoice(String id, String subscription, String reason, long amount, String membership) {
        return """
                {"id": "%s", "object": "invoice", "billing_reason": "%s", "status": "paid", "currency": "eur",
                 "amount_due": %d, "amount_paid": %d, "livemode": false, "created": 1763800000,
                 "parent": {"type": "subscription_details", "quote_details": null,
                   "subscription_details": {"subscription": "%s", "metadata": {"membership_id": "%s"}}}}"""
                .formatted(id, reason, amount, amount, subscription, membership);
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    record Checkout(String session, String membership) {
    }

    /** The shop's member opens a Checkout session for La Serre's card. */
    Checkout open(Shop shop) {
        String session = StripeStub.id("cs_test_");
        SERVER.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).withHeader("Stripe-Account",
                equalTo(shop.account())).willReturn(json(StripeStub.session(session, "open", "unpaid", null, 5000,
                        "pending"))));
        Api.Reply started = checkout(shop);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return new Checkout(session, started.json().get("membership").get("id").asString());
    }

    Api.Reply checkout(Shop shop) {
        return api.post("/api/networks/" + shop.slug() + "/me/checkout", "{\"offerId\": \"" + shop.card() + "\"}")
                .token(shop.member().token()).send();
    }

    /** Posts the event to the webhook, signed now with the webhook secret. */
    Api.Reply deliver(String payload) {
        return api.post(WEBHOOK, payload).header("Stripe-Signature",
                StripeStub.signature(payload, Instant.now().getEpochSecond(), StripeStub.WEBHOOK_SECRET)).send();
    }

    JsonNode membership(Shop shop, String id) {
        Api.Reply read = api.get("/api/networks/" + shop.slug() + "/memberships/" + id).token(shop.manager().token())
                .send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    List<String> types(Shop shop, String id) {
        Api.Reply history = api.get("/api/networks/" + shop.slug() + "/memberships/" + id + "/history")
                .token(shop.manager().token()).send();
        return history.json().get("items").values().stream().map(e -> e.get("type").asString()).toList();
    }

    static String account(Shop shop) {
        return account(shop.slug(), shop.operator());
    }

    static String account(String slug, String operator) {
        return "/api/networks/" + slug + "/operators/" + operator + "/stripe-account";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The shop, its operator connected to Stripe by the manager (and able to take payments if {@code enabled}). */
    Shop shop(String prefix, boolean enabled) {
        CardShop shop = cardShop(newNetwork("pay-" + prefix), "Opérateur " + prefix, "CCSB", true);
        String slug = shop.slug();
        String operator = shop.operator();
        Person animator = shop.animator();
        Person manager = shop.manager();

        // This shop's account and link; removed once connected, so that no other test gets them.
        String account = StripeStub.id("acct_");
        StubMapping accountStub = SERVER.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(json(
                StripeStub.account(account, false, "external_account", "tos_acceptance.date"))));
        StubMapping linkStub = SERVER.stubFor(post(urlPathEqualTo("/v1/account_links"))
                .withRequestBody(containing(account)).willReturn(json("""
                        {"object": "account_link", "created": 1763800000, "expires_at": 1763800300,
                         "url": "https://connect.stripe.com/setup/s/%s/%s"}""".formatted(account,
                        StripeStub.id("")))));
        Api.Reply connected = api.post(account(slug, operator), null).token(manager.token()).send();
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        SERVER.removeStub(accountStub);
        SERVER.removeStub(linkStub);
        assertThat(connected.json().get("accountId").asString()).isEqualTo(account);
        if (enabled) {
            Api.Reply updated = deliver(StripeStub.event(StripeStub.id("evt_"), "account.updated", account,
                    Instant.now().getEpochSecond(), StripeStub.account(account, true)));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        }
        return new Shop(slug, animator, manager, java.util.Objects.requireNonNull(shop.member()), operator,
                shop.card(), account);
    }
}
