package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.SetupIT.SIREN;
import static fr.maillage.bootstrap.it.SetupIT.managerOperators;
import static fr.maillage.bootstrap.it.SetupIT.operatorJson;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase;
import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase.LifecycleReport;
import fr.maillage.bootstrap.MembershipLifecycleJob;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Memberships end to end: La Serre's card of 10 entries for 50 € sold pending, paid in cash then by transfer, active
 * with its entries and its year of validity; idempotent payments, overpayments refused, cancellation with a reason,
 * history; members see their own only, managers their operators' sales; expiry and renewal of subscriptions by the
 * scheduled use case; every bad field at once in French and English; other networks 404; concurrent payments.
 */
class MembershipsIT extends EndToEndTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    DataSource dataSource;

    @Autowired
    MembershipLifecycleUseCase lifecycle;

    /** A network with an animator, a manager running the operator of La Serre (franchise) and its card. */
    record Shop(String slug, Person animator, Person manager, String operator, String card) {
    }

    @Test
    void la_serre_card_is_pending_then_active_with_ten_entries_once_paid_in_cash_and_by_transfer() {
        Shop shop = shop("serre");
        String camille = member(shop, "Camille", "Martin");

        Api.Reply sold = sell(shop, camille, "{\"offerId\": \"" + shop.card() + "\"}");
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        JsonNode card = sold.json();
        String id = card.get("id").asString();
        assertThat(sold.header("Location")).isEqualTo(memberships(shop.slug()) + "/" + id);
        assertThat(sold.header("ETag")).isEqualTo("\"0\"");
        assertThat(card.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(card.get("kind").asString()).isEqualTo("CARD");
        assertThat(card.get("memberId").asString()).isEqualTo(camille);
        assertThat(card.get("offerId").asString()).isEqualTo(shop.card());
        assertThat(card.get("operatorId").asString()).isEqualTo(shop.operator());
        assertThat(card.get("offerName").asString()).isEqualTo("Carte 10 entrées");
        assertThat(card.get("priceCents").asLong()).isEqualTo(5000);
        assertThat(card.get("amountPaidCents").asLong()).isZero();
        assertThat(card.get("balanceCents").asLong()).isEqualTo(5000);
        assertThat(card.get("entriesTotal").asInt()).isEqualTo(10);
        assertThat(card.get("entriesRemaining").asInt()).isEqualTo(10);
        assertThat(card.get("terms").get("entryMinutes").asLong()).isEqualTo(180);
        assertThat(card.get("terms").get("validity").asString()).isEqualTo("P1Y");
        assertThat(card.get("validFrom").isNull()).as("valid from its activation").isTrue();
        assertThat(card.get("soldBy").asString()).isEqualTo(shop.manager().subject());
        assertThat(card.get("channel").asString()).isEqualTo("DESK");
        assertThat(api.get(OffersIT.offers(shop.slug()) + "/" + shop.card()).token(shop.manager().token()).send()
                .json().get("sold").asBoolean()).as("the offer is sold now").isTrue();

        Api.Reply cash = pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 2000}");
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        assertThat(cash.json().get("replayed").asBoolean()).isFalse();
        assertThat(cash.json().get("payment").get("method").asString()).isEqualTo("CASH");
        assertThat(cash.json().get("payment").get("receivedOn").asString())
                .isEqualTo(LocalDate.now(PARIS).toString());
        assertThat(cash.json().get("membership").get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(cash.json().get("membership").get("amountPaidCents").asLong()).isEqualTo(2000);
        assertThat(cash.json().get("membership").get("balanceCents").asLong()).isEqualTo(3000);

        Api.Reply noReference = pay(shop, id, "{\"method\": \"TRANSFER\", \"amountCents\": 3000}");
        assertThat(fieldsAndCodes(noReference)).containsExactly("reference:payment.reference.required-for-transfer");

        String transfer = """
                {"method": "TRANSFER", "amountCents": 3000, "reference": "VIR SEPA CCSB 2026-0042",
                 "idempotencyKey": "serre-%s-2"}""".formatted(id);
        Api.Reply paid = pay(shop, id, transfer);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        JsonNode active = paid.json().get("membership");
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("amountPaidCents").asLong()).isEqualTo(5000);
        assertThat(active.get("balanceCents").asLong()).isZero();
        assertThat(active.get("entriesTotal").asInt()).isEqualTo(10);
        assertThat(active.get("entriesRemaining").asInt()).isEqualTo(10);
        LocalDate activatedOn = Instant.parse(active.get("activatedAt").asString()).atZone(PARIS).toLocalDate();
        assertThat(active.get("validFrom").asString()).isEqualTo(activatedOn.toString());
        assertThat(active.get("validUntil").asString())
                .isEqualTo(activatedOn.plus(Period.ofYears(1)).minusDays(1).toString());
        assertThat(paid.json().get("payment").get("reference").asString()).isEqualTo("VIR SEPA CCSB 2026-0042");
        String paymentId = paid.json().get("payment").get("id").asString();

        Api.Reply again = pay(shop, id, transfer);
        assertThat(again.status()).as("the same payment again: " + again).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("payment").get("id").asString()).isEqualTo(paymentId);
        assertThat(again.json().get("membership").get("amountPaidCents").asLong()).isEqualTo(5000);
        assertThat(again.json().get("membership").get("version")).isEqualTo(active.get("version"));
        Api.Reply otherPayment = pay(shop, id, transfer.replace("3000", "2999"));
        assertThat(otherPayment.status()).as(otherPayment.toString()).isEqualTo(409);
        assertThat(code(otherPayment)).isEqualTo("payment.idempotency-key.reused");

        Api.Reply tooMuch = pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 1}");
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(code(tooMuch)).isEqualTo("membership.payment.exceeds-balance");
        assertThat(tooMuch.json().get("detail").asString()).isEqualTo("Ce paiement dépasse le reste à payer (0,00 €).");

        assertThat(types(history(shop, id, shop.manager()))).containsExactly("SOLD", "PAYMENT_RECORDED",
                "PAYMENT_RECORDED", "ACTIVATED");
        JsonNode events = history(shop, id, shop.manager()).json().get("items");
        assertThat(events.get(0).get("position").asInt()).isEqualTo(1);
        assertThat(events.get(0).get("actor").asString()).isEqualTo(shop.manager().subject());
        assertThat(events.get(0).get("details").get("offerId").asString()).isEqualTo(shop.card());
        assertThat(events.get(2).get("details").get("reference").asString()).isEqualTo("VIR SEPA CCSB 2026-0042");
        assertThat(events.get(3).get("details").get("entries").asString()).isEqualTo("10");
        assertThat(jdbc.queryForObject("select count(*) from payment where membership_id = ?::uuid", Long.class, id))
                .as("not visible without the tenant (row-level security)").isZero();

        Api.Reply read = api.get(memberships(shop.slug()) + "/" + id).token(shop.animator().token()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"" + active.get("version").asLong() + "\"");
        Api.Reply list = api.get(ofMember(shop.slug(), camille)).token(shop.manager().token()).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(id);
    }

    @Test
    void a_payment_past_the_price_is_refused_and_partial_payments_add_up() {
        Shop shop = shop("over");
        String member = member(shop, "Léa", "Roux");
        String id = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        Api.Reply over = pay(shop, id, "{\"method\": \"CHEQUE\", \"amountCents\": 6000, \"reference\": \"0001234\"}");
        assertThat(over.status()).as(over.toString()).isEqualTo(409);
        assertThat(code(over)).isEqualTo("membership.payment.exceeds-balance");
        assertThat(over.json().get("detail").asString()).isEqualTo("Ce paiement dépasse le reste à payer (50,00 €).");
        Api.Reply overEn = api.post(memberships(shop.slug()) + "/" + id + "/payments",
                "{\"method\": \"CASH\", \"amountCents\": 5001}").token(shop.manager().token()).lang("en").send();
        assertThat(overEn.json().get("detail").asString()).isEqualTo("This payment exceeds the balance due (50.00 EUR).");

        for (int i = 0; i < 4; i++) {
            assertThat(pay(shop, id, "{\"method\": \"CHEQUE\", \"amountCents\": 1000}").status()).isEqualTo(201);
        }
        JsonNode pending = api.get(memberships(shop.slug()) + "/" + id).token(shop.manager().token()).send().json();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(pending.get("amountPaidCents").asLong()).isEqualTo(4000);
        assertThat(code(pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 1001}")))
                .isEqualTo("membership.payment.exceeds-balance");
        JsonNode done = pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 1000}").json().get("membership");
        assertThat(done.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(types(history(shop, id, shop.animator()))).containsExactly("SOLD", "PAYMENT_RECORDED",
                "PAYMENT_RECORDED", "PAYMENT_RECORDED", "PAYMENT_RECORDED", "PAYMENT_RECORDED", "ACTIVATED");
    }

    @Test
    void a_cancellation_needs_a_reason_happens_once_and_stops_payments() {
        Shop shop = shop("cancel");
        String member = member(shop, "Hugo", "Blanc");
        String id = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();
        assertThat(pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 1500}").status()).isEqualTo(201);

        Api.Reply noReason = cancel(shop, id, "{}");
        assertThat(fieldsAndCodes(noReason)).containsExactly("reason:field.required");
        Api.Reply tooShort = cancel(shop, id, "{\"reason\": \" x \"}");
        assertThat(fieldsAndCodes(tooShort)).containsExactly("reason:membership.cancel.reason.length");

        Api.Reply cancelled = cancel(shop, id, "{\"reason\": \"Vendue au mauvais membre\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("Vendue au mauvais membre");
        assertThat(cancelled.json().get("endedAt").isNull()).isFalse();
        Api.Reply again = cancel(shop, id, "{\"reason\": \"Encore\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version")).as("nothing changed").isEqualTo(cancelled.json().get("version"));
        assertThat(again.json().get("cancelReason").asString()).isEqualTo("Vendue au mauvais membre");

        Api.Reply late = pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 100}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(code(late)).isEqualTo("membership.payment.not-accepted");
        JsonNode events = history(shop, id, shop.manager()).json().get("items");
        assertThat(events.values()).extracting(e -> e.get("type").asString())
                .containsExactly("SOLD", "PAYMENT_RECORDED", "CANCELLED");
        assertThat(events.get(2).get("details").get("reason").asString()).isEqualTo("Vendue au mauvais membre");
        assertThat(events.get(2).get("details").get("amountPaidCents").asString()).isEqualTo("1500");
    }

    @Test
    void day_passes_subscriptions_archived_offers_and_network_passes_follow_their_rules() {
        Shop shop = shop("rules");
        String member = member(shop, "Inès", "Faure");
        LocalDate today = LocalDate.now(PARIS);

        String pass = offer(shop, """
                {"operatorId": "%s", "name": "Pass journée", "terms": {"type": "DAY_PASS"}, "priceCents": 1200,
                 "scope": {"type": "OPERATOR_PLACES"}}""");
        Api.Reply dayPass = sell(shop, member, "{\"offerId\": \"%s\", \"startsOn\": \"%s\"}".formatted(pass,
                today.plusDays(3)));
        assertThat(dayPass.status()).as(dayPass.toString()).isEqualTo(201);
        assertThat(dayPass.json().get("validFrom").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(dayPass.json().get("validUntil").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(dayPass.json().get("entriesTotal").isNull()).isTrue();

        String monthly = offer(shop, """
                {"operatorId": "%s", "name": "Abonnement mensuel", "terms": {"type": "SUBSCRIPTION",
                 "billing": "MONTHLY"}, "priceCents": 8000, "scope": {"type": "OPERATOR_PLACES"}}""");
        Api.Reply subscription = sell(shop, member, "{\"offerId\": \"%s\", \"autoRenew\": true}".formatted(monthly));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        assertThat(subscription.json().get("validFrom").asString()).isEqualTo(today.toString());
        assertThat(subscription.json().get("validUntil").asString())
                .isEqualTo(today.plusMonths(1).minusDays(1).toString());
        assertThat(subscription.json().get("autoRenew").asBoolean()).isTrue();
        assertThat(subscription.json().get("terms").get("billing").asString()).isEqualTo("MONTHLY");

        String free = offer(shop, """
                {"operatorId": "%s", "name": "Découverte", "terms": {"type": "DAY_PASS"}, "priceCents": 0,
                 "scope": {"type": "OPERATOR_PLACES"}}""");
        Api.Reply gift = sell(shop, member, "{\"offerId\": \"%s\"}".formatted(free));
        assertThat(gift.json().get("status").asString()).as("a free offer is active at once").isEqualTo("ACTIVE");

        Api.Reply cardRules = sell(shop, member, "{\"offerId\": \"%s\", \"startsOn\": \"%s\", \"autoRenew\": true}"
                .formatted(shop.card(), today));
        assertThat(fieldsAndCodes(cardRules)).containsExactly("startsOn:membership.starts-on.not-for-card",
                "autoRenew:membership.auto-renew.subscriptions-only");
        Api.Reply past = sell(shop, member, "{\"offerId\": \"%s\", \"startsOn\": \"%s\"}".formatted(pass,
                today.minusMonths(2)));
        assertThat(fieldsAndCodes(past)).containsExactly("startsOn:membership.starts-on.past");
        Api.Reply far = sell(shop, member, "{\"offerId\": \"%s\", \"startsOn\": \"%s\"}".formatted(monthly,
                today.plusYears(2)));
        assertThat(fieldsAndCodes(far)).containsExactly("startsOn:membership.starts-on.too-far");
        Api.Reply unknownOffer = sell(shop, member, "{\"offerId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(fieldsAndCodes(unknownOffer)).containsExactly("offerId:offer.not-found");
        Api.Reply unknownMember = sell(shop, UUID.randomUUID().toString(), "{\"offerId\": \"" + pass + "\"}");
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(code(unknownMember)).isEqualTo("member.not-found");

        assertThat(api.post(OffersIT.offers(shop.slug()) + "/" + pass + "/archive", null)
                .token(shop.manager().token()).send().status()).isEqualTo(200);
        Api.Reply archived = sell(shop, member, "{\"offerId\": \"" + pass + "\"}");
        assertThat(archived.status()).as(archived.toString()).isEqualTo(409);
        assertThat(code(archived)).isEqualTo("offer.archived");

        assertThat(api.patch("/api/networks/" + shop.slug(), "{\"networkPassesAllowed\": true}")
                .token(shop.animator().token()).send().status()).isEqualTo(200);
        String networkPass = offer(shop, """
                {"operatorId": "%s", "name": "Pass réseau", "terms": {"type": "DAY_PASS"}, "priceCents": 1500,
                 "scope": {"type": "WHOLE_NETWORK"}}""");
        assertThat(sell(shop, member, "{\"offerId\": \"" + networkPass + "\"}").status()).isEqualTo(201);
        assertThat(api.patch("/api/networks/" + shop.slug(), "{\"networkPassesAllowed\": false}")
                .token(shop.animator().token()).send().status()).isEqualTo(200);
        Api.Reply notAllowed = sell(shop, member, "{\"offerId\": \"" + networkPass + "\"}");
        assertThat(notAllowed.status()).isEqualTo(409);
        assertThat(code(notAllowed)).isEqualTo("offer.scope.network-passes-not-allowed");
    }

    @Test
    void every_bad_field_is_reported_at_once_in_french_or_in_english() {
        Shop shop = shop("fields");
        String member = member(shop, "Jules", "Petit");
        String id = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        Api.Reply sale = sell(shop, member, "{\"offerId\": \"pas-un-id\", \"startsOn\": \"31/02/2026\"}");
        assertThat(errors(sale)).containsExactly("offerId:offer.id.format:Identifiant d’offre illisible.",
                "startsOn:membership.starts-on.format:Date illisible : « 31/02/2026 » (format AAAA-MM-JJ).");
        Api.Reply saleEmpty = api.post(ofMember(shop.slug(), member), "{}").token(shop.manager().token()).lang("en")
                .send();
        assertThat(errors(saleEmpty)).containsExactly("offerId:field.required:This field is required.");

        String bad = """
                {"method": "BITCOIN", "amountCents": 0, "reference": "%s", "receivedOn": "hier",
                 "idempotencyKey": "clé à espaces"}""".formatted("r".repeat(101));
        Api.Reply fr = pay(shop, id, bad);
        assertThat(fr.header("Content-Language")).isEqualTo("fr");
        assertThat(errors(fr)).containsExactly(
                "method:payment.method.unknown:Moyen de paiement inconnu : « BITCOIN » (CASH, CHEQUE ou TRANSFER).",
                "amountCents:payment.amount.positive:Le montant d’un paiement doit être positif.",
                "reference:payment.reference.length:La référence doit compter entre 1 et 100 caractères.",
                "receivedOn:payment.received-on.format:Date illisible : « hier » (format AAAA-MM-JJ).",
                "idempotencyKey:payment.idempotency-key.format:"
                        + "Clé d’idempotence invalide : de 1 à 100 lettres, chiffres ou . _ : -");
        Api.Reply en = api.post(memberships(shop.slug()) + "/" + id + "/payments", bad).token(shop.manager().token())
                .lang("en").send();
        assertThat(en.header("Content-Language")).isEqualTo("en");
        assertThat(errors(en)).containsExactly(
                "method:payment.method.unknown:Unknown payment method: \"BITCOIN\" (CASH, CHEQUE or TRANSFER).",
                "amountCents:payment.amount.positive:A payment is of a positive amount.",
                "reference:payment.reference.length:The reference has 1 to 100 characters.",
                "receivedOn:payment.received-on.format:Unreadable date: \"hier\" (format YYYY-MM-DD).",
                "idempotencyKey:payment.idempotency-key.format:"
                        + "Invalid idempotency key: 1 to 100 letters, digits or . _ : -");

        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(PARIS);
        for (String body : List.of("{}", "{\"method\": \"ONLINE\", \"amountCents\": 100}",
                "{\"method\": \"CASH\", \"amountCents\": -5}",
                "{\"method\": \"CASH\", \"amountCents\": 100, \"receivedOn\": \"" + today.plusDays(2) + "\"}",
                "{\"method\": \"CASH\", \"amountCents\": 100, \"receivedOn\": \"" + today.minusYears(2) + "\"}")) {
            problems.addAll(fieldsAndCodes(pay(shop, id, body)));
        }
        assertThat(problems).containsExactly("method:field.required", "amountCents:field.required",
                "method:payment.method.not-offline", "amountCents:money.amount.range",
                "receivedOn:payment.received-on.future", "receivedOn:payment.received-on.too-old");
        Api.Reply typed = pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": \"cent\"}");
        assertThat(fieldsAndCodes(typed)).containsExactly("amountCents:field.type");
        Api.Reply unknownField = pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 100, \"tip\": 5}");
        assertThat(fieldsAndCodes(unknownField)).containsExactly("tip:field.unknown");

        JsonNode after = api.get(memberships(shop.slug()) + "/" + id).token(shop.manager().token()).send().json();
        assertThat(after.get("amountPaidCents").asLong()).as("nothing was recorded").isZero();
        assertThat(types(history(shop, id, shop.manager()))).containsExactly("SOLD");
    }

    @Test
    void a_member_sees_their_own_memberships_only_and_cannot_sell_nor_record_payments() {
        Shop shop = shop("self");
        Person camille = personIn(shop.slug(), NetworkRole.MEMBER);
        String camilleId = memberIdOf(shop, camille.email());
        String other = member(shop, "Noé", "Garnier");
        String mine = sell(shop, camilleId, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();
        String theirs = sell(shop, other, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        Api.Reply me = api.get("/api/networks/" + shop.slug() + "/me/memberships").token(camille.token()).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(mine);
        assertThat(api.get(ofMember(shop.slug(), camilleId)).token(camille.token()).send().json().get("items")
                .values()).extracting(i -> i.get("id").asString()).containsExactly(mine);
        assertThat(api.get(memberships(shop.slug()) + "/" + mine).token(camille.token()).send().status())
                .isEqualTo(200);
        assertThat(types(history(shop, mine, camille))).containsExactly("SOLD");

        for (Api.Call call : List.of(api.get(ofMember(shop.slug(), other)), api.get(memberships(shop.slug()) + "/"
                + theirs), api.get(memberships(shop.slug()) + "/" + theirs + "/history"))) {
            Api.Reply reply = call.token(camille.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isIn("member.not-found", "membership.not-found");
        }
        for (Api.Call call : List.of(api.post(ofMember(shop.slug(), camilleId), "{\"offerId\": \"" + shop.card()
                        + "\"}"), api.post(memberships(shop.slug()) + "/" + mine + "/payments",
                        "{\"method\": \"CASH\", \"amountCents\": 5000}"),
                api.post(memberships(shop.slug()) + "/" + mine + "/cancel", "{\"reason\": \"Je change d’avis\"}"))) {
            Api.Reply reply = call.token(camille.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(code(reply)).isEqualTo("access.denied");
        }

        Api.Reply noProfile = api.get("/api/networks/" + shop.slug() + "/me/memberships").token(platformAdmin())
                .send();
        assertThat(noProfile.status()).isEqualTo(404);
        assertThat(code(noProfile)).isEqualTo("member.not-found");
        assertThat(api.get("/api/networks/" + shop.slug() + "/me/memberships").token(shop.manager().token()).send()
                .status()).as("managers have no self-service").isEqualTo(403);
    }

    @Test
    void a_manager_sells_and_sees_only_the_sales_of_the_operators_they_run() {
        Shop shop = shop("scope");
        Person tuvesManager = personIn(shop.slug(), NetworkRole.MANAGER);
        String tuves = operator(shop.slug(), shop.animator(), "TUVES");
        scope(shop.slug(), shop.animator(), tuvesManager, tuves);
        String member = member(shop, "Zoé", "Morel");
        String serreSale = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        Api.Reply refused = api.post(ofMember(shop.slug(), member), "{\"offerId\": \"" + shop.card() + "\"}")
                .token(tuvesManager.token()).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("membership.sell.not-your-operator");
        for (Api.Call call : List.of(api.get(memberships(shop.slug()) + "/" + serreSale),
                api.get(memberships(shop.slug()) + "/" + serreSale + "/history"),
                api.post(memberships(shop.slug()) + "/" + serreSale + "/payments",
                        "{\"method\": \"CASH\", \"amountCents\": 100}"),
                api.post(memberships(shop.slug()) + "/" + serreSale + "/cancel", "{\"reason\": \"Pas à moi\"}"))) {
            Api.Reply reply = call.token(tuvesManager.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("membership.not-found");
        }
        Api.Reply list = api.get(ofMember(shop.slug(), member)).token(tuvesManager.token()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asLong()).isZero();

        String tuvesCard = api.post(OffersIT.offers(shop.slug()), OffersIT.LA_SERRE_CARD.formatted(tuves))
                .token(tuvesManager.token()).send().json().get("id").asString();
        Api.Reply own = api.post(ofMember(shop.slug(), member), "{\"offerId\": \"" + tuvesCard + "\"}")
                .token(tuvesManager.token()).send();
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(api.get(ofMember(shop.slug(), member)).token(tuvesManager.token()).send().json().get("items")
                .values()).extracting(i -> i.get("id").asString()).containsExactly(own.json().get("id").asString());
        assertThat(api.get(ofMember(shop.slug(), member)).token(shop.animator().token()).send().json()
                .get("totalItems").asLong()).as("animators see every sale").isEqualTo(2);
        assertThat(api.get(memberships(shop.slug()) + "/" + serreSale).token(shop.manager().token()).send()
                .json().get("status").asString()).as("nothing changed").isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void the_scheduled_use_case_expires_cards_and_day_passes_the_day_after_their_last_day_in_network_time() {
        Shop shop = shop("expiry");
        String member = member(shop, "Paul", "Chevalier");
        String oneDay = offer(shop, """
                {"operatorId": "%s", "name": "Carte d’un jour", "terms": {"type": "CARD", "entries": 2,
                 "entryDuration": "PT4H", "validity": "P1D"}, "priceCents": 1000, "scope": {"type": "OPERATOR_PLACES"}}""");
        String card = sell(shop, member, "{\"offerId\": \"" + oneDay + "\"}").json().get("id").asString();
        JsonNode active = pay(shop, card, "{\"method\": \"CASH\", \"amountCents\": 1000}").json().get("membership");
        LocalDate lastDay = LocalDate.parse(active.get("validUntil").asString());
        assertThat(active.get("validFrom").asString()).isEqualTo(lastDay.toString());
        String pending = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        Instant endOfLastDay = lastDay.plusDays(1).atStartOfDay(PARIS).toInstant();
        LifecycleReport early = lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), endOfLastDay.minusSeconds(1));
        assertThat(early.expired()).as("still valid on its last day").isZero();

        LifecycleReport run = lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), endOfLastDay.plusSeconds(90));
        assertThat(run).isEqualTo(new LifecycleReport(1, 1, 0, 0));
        JsonNode expired = api.get(memberships(shop.slug()) + "/" + card).token(shop.manager().token()).send().json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(Instant.parse(expired.get("endedAt").asString())).isEqualTo(endOfLastDay);
        assertThat(types(history(shop, card, shop.manager()))).containsExactly("SOLD", "PAYMENT_RECORDED",
                "ACTIVATED", "EXPIRED");
        assertThat(api.get(memberships(shop.slug()) + "/" + pending).token(shop.manager().token()).send().json()
                .get("status").asString()).as("a pending card does not expire").isEqualTo("PENDING_PAYMENT");

        assertThat(lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), endOfLastDay.plusSeconds(600)))
                .as("run again: nothing more").isEqualTo(new LifecycleReport(1, 0, 0, 0));
        Api.Reply cancel = cancel(shop, card, "{\"reason\": \"Trop tard\"}");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(code(cancel)).isEqualTo("membership.not-cancellable");
        assertThat(code(pay(shop, card, "{\"method\": \"CASH\", \"amountCents\": 1}")))
                .isEqualTo("membership.payment.not-accepted");
    }

    @Test
    void a_subscription_that_renews_itself_gets_its_next_period_pending_payment_once() {
        Shop shop = shop("renew");
        String member = member(shop, "Alice", "Fabre");
        String monthly = offer(shop, """
                {"operatorId": "%s", "name": "Abonnement mensuel", "terms": {"type": "SUBSCRIPTION",
                 "billing": "MONTHLY"}, "priceCents": 8000, "scope": {"type": "OPERATOR_PLACES"}}""");
        LocalDate start = LocalDate.now(PARIS).minusDays(20);
        String first = sell(shop, member, "{\"offerId\": \"%s\", \"startsOn\": \"%s\", \"autoRenew\": true}"
                .formatted(monthly, start)).json().get("id").asString();
        JsonNode paid = pay(shop, first, "{\"method\": \"TRANSFER\", \"amountCents\": 8000, \"reference\": \"VIR-1\"}")
                .json().get("membership");
        assertThat(paid.get("status").asString()).isEqualTo("ACTIVE");
        LocalDate until = LocalDate.parse(paid.get("validUntil").asString());
        assertThat(until).isEqualTo(start.plusMonths(1).minusDays(1));
        String once = sell(shop, member, "{\"offerId\": \"%s\", \"startsOn\": \"%s\"}".formatted(monthly, start))
                .json().get("id").asString();
        assertThat(pay(shop, once, "{\"method\": \"CASH\", \"amountCents\": 8000}").status()).isEqualTo(201);

        Instant after = until.plusDays(1).atStartOfDay(PARIS).toInstant().plusSeconds(3600);
        LifecycleReport run = lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), after);
        assertThat(run).isEqualTo(new LifecycleReport(1, 2, 1, 0));

        JsonNode items = api.get(ofMember(shop.slug(), member) + "?size=10").token(shop.manager().token()).send()
                .json().get("items");
        JsonNode renewal = items.values().stream().filter(i -> first.equals(i.get("renewalOf").asString(null)))
                .findFirst().orElseThrow();
        assertThat(renewal.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(renewal.get("validFrom").asString()).isEqualTo(until.plusDays(1).toString());
        assertThat(renewal.get("validUntil").asString()).isEqualTo(start.plusMonths(2).minusDays(1).toString());
        assertThat(renewal.get("autoRenew").asBoolean()).isTrue();
        assertThat(renewal.get("priceCents").asLong()).isEqualTo(8000);
        assertThat(renewal.get("soldBy").asString()).isEqualTo("system:memberships");
        assertThat(items.values()).filteredOn(i -> once.equals(i.get("renewalOf").asString(null)))
                .as("a subscription without automatic renewal just expires").isEmpty();
        assertThat(types(history(shop, first, shop.manager()))).containsExactly("SOLD", "PAYMENT_RECORDED",
                "ACTIVATED", "EXPIRED", "RENEWED");
        String renewalId = renewal.get("id").asString();
        JsonNode renewalHistory = history(shop, renewalId, shop.manager()).json().get("items");
        assertThat(renewalHistory.values()).extracting(e -> e.get("type").asString()).containsExactly("SOLD");
        assertThat(renewalHistory.get(0).get("details").get("renewalOf").asString()).isEqualTo(first);

        assertThat(lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), after.plusSeconds(300)))
                .as("the next run renews nothing twice").isEqualTo(new LifecycleReport(1, 0, 0, 0));
        assertThat(pay(shop, renewalId, "{\"method\": \"CASH\", \"amountCents\": 8000}").json().get("membership")
                .get("status").asString()).isEqualTo("ACTIVE");

        assertThat(api.post(OffersIT.offers(shop.slug()) + "/" + monthly + "/archive", null)
                .token(shop.manager().token()).send().status()).isEqualTo(200);
        Instant later = LocalDate.parse(renewal.get("validUntil").asString()).plusDays(1).atStartOfDay(PARIS)
                .toInstant().plusSeconds(60);
        assertThat(lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), later))
                .as("an archived offer renews no more").isEqualTo(new LifecycleReport(1, 1, 0, 0));
    }

    @Test
    void the_member_stops_the_renewal_of_their_desk_subscription_a_seller_resumes_it_and_a_stopped_one_just_expires() {
        Shop shop = shop("stop");
        Person member = personIn(shop.slug(), NetworkRole.MEMBER);
        Person stranger = personIn(shop.slug(), NetworkRole.MEMBER);
        String memberId = memberIdOf(shop, member.email());
        String monthly = offer(shop, """
                {"operatorId": "%s", "name": "Abonnement mensuel", "terms": {"type": "SUBSCRIPTION",
                 "billing": "MONTHLY"}, "priceCents": 8000, "scope": {"type": "OPERATOR_PLACES"}}""");
        LocalDate start = LocalDate.now(PARIS).minusDays(20);
        String first = sell(shop, memberId, "{\"offerId\": \"%s\", \"startsOn\": \"%s\", \"autoRenew\": true}"
                .formatted(monthly, start)).json().get("id").asString();
        LocalDate until = LocalDate.parse(pay(shop, first, "{\"method\": \"CASH\", \"amountCents\": 8000}").json()
                .get("membership").get("validUntil").asString());
        Instant after = until.plusDays(1).atStartOfDay(PARIS).toInstant().plusSeconds(3600);
        assertThat(lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), after))
                .isEqualTo(new LifecycleReport(1, 1, 1, 0));
        String second = TenantSql.of(jdbc, shop.slug()).rows("select id from membership where renewal_of = ?::uuid",
                first).getFirst().get("id").toString();

        // The member names the first period: the change applies to the latest one, the pending second period.
        Api.Reply stopped = autoRenew(shop, first, "{\"autoRenew\": false}", member);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("id").asString()).isEqualTo(second);
        assertThat(stopped.json().get("autoRenew").asBoolean()).isFalse();
        assertThat(autoRenew(shop, second, "{\"autoRenew\": false}", member).status()).as("again").isEqualTo(200);
        JsonNode events = history(shop, second, member).json().get("items");
        assertThat(types(history(shop, second, member))).containsExactly("SOLD", "RENEWAL_STOPPED");
        assertThat(events.get(1).get("actor").asString()).isEqualTo(member.subject());
        assertThat(events.get(1).get("details").get("reason").asString()).isEqualTo("Arrêté par le membre");

        Api.Reply resumed = autoRenew(shop, second, "{\"autoRenew\": true}", shop.manager());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("autoRenew").asBoolean()).isTrue();
        Api.Reply stoppedBySeller = autoRenew(shop, second, "{\"autoRenew\": false}", shop.manager());
        assertThat(stoppedBySeller.json().get("autoRenew").asBoolean()).isFalse();
        assertThat(types(history(shop, second, shop.manager()))).containsExactly("SOLD", "RENEWAL_STOPPED",
                "RENEWAL_RESUMED", "RENEWAL_STOPPED");
        assertThat(TenantSql.of(jdbc, shop.slug()).count("select count(*) from audit_event where target = ? and"
                + " action like 'membership.renewal.%'", second)).as("each change audited").isEqualTo(3);

        Api.Reply missing = autoRenew(shop, second, "{}", member);
        assertThat(fieldsAndCodes(missing)).containsExactly("autoRenew:field.required");
        Api.Reply notTheirs = autoRenew(shop, second, "{\"autoRenew\": true}", stranger);
        assertThat(notTheirs.status()).as(notTheirs.toString()).isEqualTo(404);
        assertThat(code(notTheirs)).isEqualTo("membership.not-found");
        String card = sell(shop, memberId, "{\"offerId\": \"%s\"}".formatted(shop.card())).json().get("id")
                .asString();
        Api.Reply ofACard = autoRenew(shop, card, "{\"autoRenew\": false}", member);
        assertThat(ofACard.status()).as(ofACard.toString()).isEqualTo(409);
        assertThat(code(ofACard)).isEqualTo("membership.renewal.subscriptions-only");

        // Paid, the second period runs to its end and expires without a third.
        pay(shop, second, "{\"method\": \"CASH\", \"amountCents\": 8000}");
        Instant afterSecond = until.plusMonths(1).plusDays(2).atStartOfDay(PARIS).toInstant();
        assertThat(lifecycle.expireAndRenew(NetworkSlug.of(shop.slug()), afterSecond))
                .as("expired, not renewed").isEqualTo(new LifecycleReport(1, 1, 0, 0));
        assertThat(TenantSql.of(jdbc, shop.slug()).count("select count(*) from membership where renewal_of = ?::uuid",
                second)).isZero();
        Api.Reply tooLate = autoRenew(shop, first, "{\"autoRenew\": true}", member);
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(409);
        assertThat(code(tooLate)).isEqualTo("membership.renewal.ended");
    }

    private Api.Reply autoRenew(Shop shop, String membership, String json, Person caller) {
        return api.put(memberships(shop.slug()) + "/" + membership + "/auto-renew", json).token(caller.token())
                .send();
    }

    @Test
    void the_scheduled_run_over_every_network_at_the_real_time_expires_nothing_that_is_still_valid() {
        Shop shop = shop("all");
        String member = member(shop, "Rémi", "Lopez");
        String id = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();
        assertThat(pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 5000}").status()).isEqualTo(201);
        LifecycleReport report = lifecycle.expireAndRenew(Instant.now());
        assertThat(report.networks()).isGreaterThanOrEqualTo(1);
        assertThat(report.failedNetworks()).isZero();
        new MembershipLifecycleJob(lifecycle, Clock.systemUTC()).run(); // what the scheduler calls
        assertThat(api.get(memberships(shop.slug()) + "/" + id).token(shop.manager().token()).send().json()
                .get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void concurrent_payments_on_one_membership_never_pay_past_its_price_and_a_key_counts_once() throws Exception {
        Shop shop = shop("race");
        String member = member(shop, "Eva", "Lambert");
        String id = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> pay(shop, id, "{\"method\": \"CASH\", \"amountCents\": 1000}").status());
        }
        List<Integer> statuses = concurrently(calls);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
        JsonNode paid = api.get(memberships(shop.slug()) + "/" + id).token(shop.manager().token()).send().json();
        assertThat(paid.get("amountPaidCents").asLong()).isEqualTo(5000);
        assertThat(paid.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(types(history(shop, id, shop.manager()))).filteredOn("ACTIVATED"::equals).hasSize(1);
        assertThat(types(history(shop, id, shop.manager()))).filteredOn("PAYMENT_RECORDED"::equals).hasSize(5);

        String other = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();
        List<Callable<Api.Reply>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(() -> pay(shop, other, "{\"method\": \"CHEQUE\", \"amountCents\": 2500, "
                    + "\"reference\": \"0000042\", \"idempotencyKey\": \"cheque-42-" + other + "\"}"));
        }
        List<Api.Reply> replies = concurrently(retries);
        assertThat(replies).extracting(Api.Reply::status).containsOnly(201, 200);
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).extracting(r -> r.json().get("payment").get("id").asString()).containsOnly(
                replies.getFirst().json().get("payment").get("id").asString());
        JsonNode once = api.get(memberships(shop.slug()) + "/" + other).token(shop.manager().token()).send().json();
        assertThat(once.get("amountPaidCents").asLong()).isEqualTo(2500);
    }

    @Test
    void people_of_another_network_get_404_for_its_memberships() {
        Shop shop = shop("home");
        String elsewhere = newNetwork("away");
        Person intruder = personIn(elsewhere, NetworkRole.ANIMATOR);
        String member = member(shop, "Yann", "Perrin");
        String id = sell(shop, member, "{\"offerId\": \"" + shop.card() + "\"}").json().get("id").asString();

        for (Api.Call call : List.of(api.get(ofMember(shop.slug(), member)),
                api.post(ofMember(shop.slug(), member), "{\"offerId\": \"" + shop.card() + "\"}"),
                api.get(memberships(shop.slug()) + "/" + id), api.get(memberships(shop.slug()) + "/" + id + "/history"),
                api.post(memberships(shop.slug()) + "/" + id + "/payments", "{\"method\": \"CASH\", \"amountCents\": 1}"),
                api.post(memberships(shop.slug()) + "/" + id + "/cancel", "{\"reason\": \"Intrusion\"}"),
                api.get("/api/networks/" + shop.slug() + "/me/memberships"))) {
            Api.Reply reply = call.token(intruder.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }
        Api.Reply there = api.get(memberships(elsewhere) + "/" + id).token(intruder.token()).send();
        assertThat(there.status()).isEqualTo(404);
        assertThat(code(there)).isEqualTo("membership.not-found");
        Api.Reply payThere = api.post(memberships(elsewhere) + "/" + id + "/payments",
                "{\"method\": \"CASH\", \"amountCents\": 1}").token(intruder.token()).send();
        assertThat(code(payThere)).isEqualTo("membership.not-found");
        JsonNode untouched = api.get(memberships(shop.slug()) + "/" + id).token(shop.manager().token()).send().json();
        assertThat(untouched.get("amountPaidCents").asLong()).isZero();
        assertThat(untouched.get("status").asString()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void payments_and_history_of_one_network_are_out_of_reach_of_another_in_the_database() throws Exception {
        Shop a = shop("rls-a");
        Shop b = shop("rls-b");
        String bMember = member(b, "Lou", "Meyer");
        String bCard = sell(b, bMember, "{\"offerId\": \"" + b.card() + "\"}").json().get("id").asString();
        assertThat(pay(b, bCard, "{\"method\": \"CASH\", \"amountCents\": 1000}").status()).isEqualTo(201);
        UUID aNetwork = jdbc.queryForObject("select id from network where slug = ?", UUID.class, a.slug());
        UUID bNetwork = jdbc.queryForObject("select id from network where slug = ?", UUID.class, b.slug());

        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("select set_config('app.tenant', '" + aNetwork + "', true)");
                for (String table : List.of("membership", "payment", "membership_event")) {
                    try (java.sql.ResultSet r = s.executeQuery("select count(*) from " + table
                            + " where network_id = '" + bNetwork + "'")) {
                        r.next();
                        assertThat(r.getLong(1)).as(table).isZero();
                    }
                }
                assertThat(s.executeUpdate("update membership set amount_paid_cents = 0 where id = '" + bCard + "'"))
                        .isZero();
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("insert into payment (network_id, id, membership_id, method, amount_cents, received_on,"
                        + " recorded_at, recorded_by) values ('" + bNetwork + "', gen_random_uuid(), '" + bCard
                        + "', 'CASH', 100, current_date, now(), 'intruder')");
                throw new AssertionError("a payment was written into another network");
            } catch (java.sql.SQLException refused) {
                assertThat(refused.getMessage()).contains("row-level security");
            }
            c.rollback();
        }
        JsonNode after = api.get(memberships(b.slug()) + "/" + bCard).token(b.manager().token()).send().json();
        assertThat(after.get("amountPaidCents").asLong()).isEqualTo(1000);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Shop shop(String prefix) {
        String slug = newNetwork("ms-" + prefix);
        List<Person> people;
        try {
            people = concurrently(List.<Callable<Person>>of(() -> personIn(slug, NetworkRole.ANIMATOR),
                    () -> personIn(slug, NetworkRole.MANAGER)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Person animator = people.get(0);
        Person manager = people.get(1);
        String operator = operator(slug, animator, "CCSB");
        scope(slug, animator, manager, operator);
        Api.Reply card = api.post(OffersIT.offers(slug), OffersIT.LA_SERRE_CARD.formatted(operator))
                .token(manager.token()).send();
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        return new Shop(slug, animator, manager, operator, card.json().get("id").asString());
    }

    private String operator(String slug, Person animator, String prefix) {
        Api.Reply created = api.post(operators(slug), operatorJson("Opérateur " + prefix, SIREN,
                "{\"type\":\"FRANCHISE\"}", prefix)).token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void scope(String slug, Person animator, Person manager, String operator) {
        Api.Reply scoped = api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"" + operator
                + "\"]}").token(animator.token()).send();
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(200);
    }

    private String offer(Shop shop, String json) {
        Api.Reply created = api.post(OffersIT.offers(shop.slug()), json.formatted(shop.operator()))
                .token(shop.manager().token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A member recorded by the shop's manager (no account), through the members API. */
    private String member(Shop shop, String givenName, String familyName) {
        String email = givenName.toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID() + "@maillage.test";
        Api.Reply created = api.post("/api/networks/" + shop.slug() + "/members", """
                {"email": "%s", "givenName": "%s", "familyName": "%s"}""".formatted(email, givenName, familyName))
                .token(shop.manager().token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The id of the member profile with this email (an invited member has one). */
    private String memberIdOf(Shop shop, String email) {
        Api.Reply found = api.get("/api/networks/" + shop.slug() + "/members?q=" + email)
                .token(shop.manager().token()).send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("totalItems").asLong()).as(found.toString()).isEqualTo(1);
        return found.json().get("items").get(0).get("id").asString();
    }

    static String memberships(String slug) {
        return "/api/networks/" + slug + "/memberships";
    }

    static String ofMember(String slug, String member) {
        return "/api/networks/" + slug + "/members/" + member + "/memberships";
    }

    private Api.Reply sell(Shop shop, String member, String json) {
        return api.post(ofMember(shop.slug(), member), json).token(shop.manager().token()).send();
    }

    private Api.Reply pay(Shop shop, String membership, String json) {
        return api.post(memberships(shop.slug()) + "/" + membership + "/payments", json)
                .token(shop.manager().token()).send();
    }

    private Api.Reply cancel(Shop shop, String membership, String json) {
        return api.post(memberships(shop.slug()) + "/" + membership + "/cancel", json)
                .token(shop.manager().token()).send();
    }

    private Api.Reply history(Shop shop, String membership, Person reader) {
        Api.Reply reply = api.get(memberships(shop.slug()) + "/" + membership + "/history").token(reader.token())
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private static List<String> types(Api.Reply history) {
        return history.json().get("items").values().stream().map(e -> e.get("type").asString()).toList();
    }

    private static List<String> errors(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString() + ":"
                        + e.get("message").asString())
                .toList();
    }

    private static List<String> fieldsAndCodes(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList();
    }
}
