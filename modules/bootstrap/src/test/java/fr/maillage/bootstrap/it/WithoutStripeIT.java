package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.MaillageApplication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The product without Stripe keys, as it is installed by default: every end-to-end test context runs with the test
 * keys (the Stripe stub), so this test starts a second instance of the application on the same PostgreSQL and
 * Keycloak with Stripe's settings left to their defaults (no secret key, no webhook secret), once for the class, and
 * sends every request of the class to it. The online endpoints answer 409 {@code payment.online.not-configured}
 * (French by default, English on request) and store nothing; a payment at the desk still works and settles the
 * invoice.
 */
class WithoutStripeIT extends EndToEndTest {

    private static ConfigurableApplicationContext keyless;

    @Autowired
    Environment environment;

    /** Starts the instance without keys the first time (the test context's database settings are needed). */
    @BeforeEach
    void keylessInstance() {
        synchronized (WithoutStripeIT.class) {
            if (keyless == null) {
                keyless = new SpringApplicationBuilder(MaillageApplication.class).run(
                        "--maillage.db.url=" + environment.getProperty("maillage.db.url"),
                        "--maillage.db.owner-user=" + environment.getProperty("maillage.db.owner-user"),
                        "--maillage.db.owner-password=" + environment.getProperty("maillage.db.owner-password"),
                        "--maillage.db.app-user=" + environment.getProperty("maillage.db.app-user"),
                        "--maillage.db.app-password=" + environment.getProperty("maillage.db.app-password"),
                        "--maillage.identity.keycloak.url=" + KEYCLOAK.url(),
                        "--maillage.memberships.lifecycle.enabled=false", "--maillage.mail.relay.enabled=false",
                        "--server.port=0");
            }
        }
        Environment settings = keyless.getEnvironment();
        assertThat(settings.getProperty("maillage.stripe.secret-key", "")).as("no Stripe key").isBlank();
        assertThat(settings.getProperty("maillage.stripe.webhook-secret", "")).isBlank();
        api = new Api(Integer.parseInt(settings.getRequiredProperty("local.server.port")));
    }

    @AfterAll
    static void stopKeylessInstance() {
        if (keyless != null) {
            keyless.close();
            keyless = null;
        }
    }

    record Shop(String slug, Person animator, Person manager, Person member, String operator, String card) {
    }

    @Test
    void online_payment_answers_409_not_configured_in_french_or_english_and_stores_nothing() {
        Shop shop = shop("sans-cle");
        String base = "/api/networks/" + shop.slug();
        String account = base + "/operators/" + shop.operator() + "/stripe-account";
        String checkout = "{\"offerId\": \"" + shop.card() + "\"}";
        String payload = StripeStub.event(StripeStub.id("evt_"), "account.updated", StripeStub.id("acct_"),
                Instant.now().getEpochSecond(), StripeStub.account(StripeStub.id("acct_"), true));
        String signature = StripeStub.signature(payload, Instant.now().getEpochSecond(), StripeStub.WEBHOOK_SECRET);
        List<Api.Call> calls = List.of(
                api.post(account, null).token(shop.manager().token()),
                api.get(account).token(shop.animator().token()),
                api.post(base + "/me/checkout", checkout).token(shop.member().token()),
                api.get(base + "/me/checkout/" + StripeStub.id("cs_test_")).token(shop.member().token()),
                api.post(OnlinePaymentsIT.WEBHOOK, payload).header("Stripe-Signature", signature));

        for (Api.Call call : calls) {
            Api.Reply french = call.send();
            assertThat(french.status()).as(french.toString()).isEqualTo(409);
            assertThat(french.contentType()).startsWith("application/problem+json");
            assertThat(code(french)).isEqualTo("payment.online.not-configured");
            assertThat(french.json().get("detail").asString()).startsWith("Paiement en ligne non configuré")
                    .contains("Les paiements hors ligne");
            Api.Reply english = call.lang("en").send();
            assertThat(english.status()).as(english.toString()).isEqualTo(409);
            assertThat(code(english)).isEqualTo("payment.online.not-configured");
            assertThat(english.json().get("detail").asString()).startsWith("Online payment is not configured")
                    .contains("Offline payments");
        }

        // The refused checkout sold nothing; no Stripe request, account, session or event was stored.
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        assertThat(sql.count("select count(*) from membership")).isZero();
        assertThat(sql.count("select count(*) from invoice")).isZero();
        for (String table : List.of("stripe_request", "stripe_account", "stripe_checkout", "stripe_event")) {
            assertThat(sql.count("select count(*) from " + table)).as(table).isZero();
        }
        Api.Reply mine = api.get(base + "/me/memberships").token(shop.member().token()).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("items").values()).isEmpty();
    }

    @Test
    void a_payment_at_the_desk_still_works_and_settles_the_invoice() {
        Shop shop = shop("hors-ligne");
        String memberId = api.get("/api/networks/" + shop.slug() + "/members?q=" + shop.member().email())
                .token(shop.manager().token()).send().json().get("items").get(0).get("id").asString();
        Api.Reply sold = api.post(MembershipsIT.ofMember(shop.slug(), memberId), "{\"offerId\": \"" + shop.card()
                + "\"}").token(shop.manager().token()).send();
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        String membership = sold.json().get("id").asString();

        Api.Reply paid = api.post(MembershipsIT.memberships(shop.slug()) + "/" + membership + "/payments",
                "{\"method\": \"CASH\", \"amountCents\": 5000}").token(shop.manager().token()).send();

        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        Api.Reply read = api.get(MembershipsIT.memberships(shop.slug()) + "/" + membership)
                .token(shop.manager().token()).send();
        assertThat(read.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.json().get("amountPaidCents").asLong()).isEqualTo(5000);
        Api.Reply invoices = api.get("/api/networks/" + shop.slug() + "/invoices?member=" + memberId)
                .token(shop.manager().token()).send();
        assertThat(invoices.status()).as(invoices.toString()).isEqualTo(200);
        assertThat(invoices.json().get("totalItems").asLong()).isEqualTo(1);
        tools.jackson.databind.JsonNode invoice = invoices.json().get("items").get(0);
        assertThat(invoice.get("totalInclVatCents").asLong()).isEqualTo(5000);
        assertThat(invoice.get("paidCents").asLong()).isEqualTo(5000);
        assertThat(invoice.get("dueCents").asLong()).isZero();
        assertThat(invoice.get("settled").asBoolean()).isTrue();
        assertThat(TenantSql.of(jdbc, shop.slug()).rows("select method, amount_cents from invoice_payment"))
                .containsExactly(java.util.Map.of("method", "CASH", "amount_cents", 5000L));
    }

    /** A network set up through the instance without keys: an operator selling La Serre's card, its manager, a member. */
    private Shop shop(String prefix) {
        CardShop shop = cardShop(newNetwork("nokey-" + prefix), "Opérateur " + prefix, "NOKEY", true);
        return new Shop(shop.slug(), shop.animator(), shop.manager(), java.util.Objects.requireNonNull(shop.member()),
                shop.operator(), shop.card());
    }
}
