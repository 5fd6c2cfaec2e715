package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.SetupIT.LA_SERRE_HOURS;
import static fr.maillage.bootstrap.it.SetupIT.SIREN;
import static fr.maillage.bootstrap.it.SetupIT.laSerreJson;
import static fr.maillage.bootstrap.it.SetupIT.managerOperators;
import static fr.maillage.bootstrap.it.SetupIT.operatorJson;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static fr.maillage.bootstrap.it.SetupIT.places;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.network.NetworkRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Offers end to end: La Serre's card (franchise: no VAT), a liable operator's day pass (net and VAT), field-by-field
 * 400s in French and English, VAT rates outside the operator's regime, network passes refused (409) until an animator
 * allows them, managers' scope (404), idempotent archiving (no deletion), other networks (404).
 */
class OffersIT extends EndToEndTest {

    static final String LA_SERRE_CARD = """
            {"operatorId": "%s", "name": "Carte 10 entrées",
             "terms": {"type": "CARD", "entries": 10, "entryDuration": "PT3H", "validity": "P1Y"},
             "priceCents": 5000, "scope": {"type": "OPERATOR_PLACES"}}""";

    @Test
    void la_serre_sells_a_card_of_ten_entries_of_three_hours_for_fifty_euros_without_vat() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person member = personIn(slug, NetworkRole.MEMBER);
        String operator = franchise(slug, animator, "CCSB");

        Api.Reply created = api.post(offers(slug), LA_SERRE_CARD.formatted(operator)).token(animator.token()).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode card = created.json();
        String id = card.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(offers(slug) + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(card.get("terms").get("type").asString()).isEqualTo("CARD");
        assertThat(card.get("terms").get("entries").asInt()).isEqualTo(10);
        assertThat(card.get("terms").get("entryDuration").asString()).isEqualTo("PT3H");
        assertThat(card.get("terms").get("entryMinutes").asLong()).isEqualTo(180);
        assertThat(card.get("terms").get("validity").asString()).isEqualTo("P1Y");
        assertThat(card.get("priceCents").asLong()).isEqualTo(5000);
        assertThat(card.get("netCents").asLong()).isEqualTo(5000);
        assertThat(card.get("vatCents").asLong()).isZero();
        assertThat(card.get("vatRate").isNull()).isTrue();
        assertThat(card.get("vatMention").asString()).isEqualTo("TVA non applicable, art. 293 B du CGI");
        assertThat(card.get("entryValueCents").asLong()).isEqualTo(500);
        assertThat(card.get("scope").get("type").asString()).isEqualTo("OPERATOR_PLACES");
        assertThat(card.get("archived").asBoolean()).isFalse();
        assertThat(card.get("sold").asBoolean()).isFalse();

        Api.Reply read = api.get(offers(slug) + "/" + id).token(member.token()).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("entryValueCents").asLong()).isEqualTo(500);
        Api.Reply list = api.get(offers(slug)).token(member.token()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").values()).extracting(i -> i.get("name").asString())
                .containsExactly("Carte 10 entrées");

        Api.Reply minutes = api.put(offers(slug) + "/" + id, LA_SERRE_CARD.formatted(operator)
                .replace("\"PT3H\"", "\"90\"").replace("5000", "4500")).header("If-Match", "\"0\"")
                .token(animator.token()).send();
        assertThat(minutes.status()).as(minutes.toString()).isEqualTo(200);
        assertThat(minutes.json().get("terms").get("entryDuration").asString()).isEqualTo("PT1H30M");
        assertThat(minutes.json().get("entryValueCents").asLong()).isEqualTo(450);
        assertThat(minutes.json().get("version").asLong()).isEqualTo(1);
        Api.Reply stale = api.put(offers(slug) + "/" + id, LA_SERRE_CARD.formatted(operator))
                .header("If-Match", "\"0\"").token(animator.token()).send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(api.post(offers(slug), LA_SERRE_CARD.formatted(operator)).token(member.token()).send().status())
                .as("members only read").isEqualTo(403);
    }

    @Test
    void a_liable_operators_day_pass_at_twelve_euros_with_twenty_percent_is_ten_euros_net_and_two_of_vat() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String operator = liable(slug, animator);

        Api.Reply pass = api.post(offers(slug), dayPass(operator, "\"vatRate\": \"20\",")).token(animator.token())
                .send();

        assertThat(pass.status()).as(pass.toString()).isEqualTo(201);
        assertThat(pass.json().get("terms").get("type").asString()).isEqualTo("DAY_PASS");
        assertThat(pass.json().get("priceCents").asLong()).isEqualTo(1200);
        assertThat(pass.json().get("netCents").asLong()).isEqualTo(1000);
        assertThat(pass.json().get("vatCents").asLong()).isEqualTo(200);
        assertThat(pass.json().get("vatRate").asString()).isEqualTo("20");
        assertThat(pass.json().get("vatMention").asString()).isEmpty();
        assertThat(pass.json().get("entryValueCents").isNull()).isTrue();

        Api.Reply notInRegime = api.post(offers(slug), dayPass(operator, "\"vatRate\": \"5,5\","))
                .token(animator.token()).send();
        assertThat(notInRegime.status()).as(notInRegime.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(notInRegime)).containsExactly("vatRate:offer.vat.not-in-regime");
        Api.Reply none = api.post(offers(slug), dayPass(operator, "")).token(animator.token()).send();
        assertThat(fieldsAndCodes(none)).as("a liable operator's offer has a rate")
                .containsExactly("vatRate:offer.vat.not-in-regime");
        String franchise = franchise(slug, animator, "FRANCH");
        Api.Reply vatOnFranchise = api.post(offers(slug), dayPass(franchise, "\"vatRate\": \"20\","))
                .token(animator.token()).send();
        assertThat(fieldsAndCodes(vatOnFranchise)).containsExactly("vatRate:offer.vat.not-liable");

        Api.Reply subscription = api.post(offers(slug), """
                {"operatorId": "%s", "name": "Abonnement mensuel", "terms": {"type": "SUBSCRIPTION",
                 "billing": "MONTHLY"}, "priceCents": 12000, "vatRate": "20", "scope": {"type": "OPERATOR_PLACES"}}"""
                .formatted(operator)).token(animator.token()).send();
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        assertThat(subscription.json().get("terms").get("billing").asString()).isEqualTo("MONTHLY");
        assertThat(subscription.json().get("netCents").asLong()).isEqualTo(10000);
    }

    @Test
    void bad_inputs_are_400_with_each_field_named_in_french_or_in_english() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String operator = franchise(slug, animator, "CCSB");

        Api.Reply missing = api.post(offers(slug), "{}").token(animator.token()).lang("en").send();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(errors(missing)).containsExactly("operatorId:field.required:This field is required.",
                "name:field.required:This field is required.", "terms:field.required:This field is required.",
                "priceCents:field.required:This field is required.", "scope:field.required:This field is required.");

        String bad = """
                {"operatorId": "%s", "name": "C", "terms": {"type": "CARD", "entries": 0, "entryDuration": "3h",
                 "validity": "un an"}, "priceCents": -1, "vatRate": "vingt",
                 "scope": {"type": "CHOSEN_PLACES", "placeIds": ["x"]}}""".formatted(operator);
        Api.Reply fr = api.post(offers(slug), bad).token(animator.token()).send();
        assertThat(fr.status()).as(fr.toString()).isEqualTo(400);
        assertThat(fr.header("Content-Language")).isEqualTo("fr");
        assertThat(errors(fr)).containsExactly(
                "name:offer.name.length:Le nom de l’offre doit compter entre 2 et 120 caractères.",
                "terms.entries:offer.card.entries.range:Une carte compte entre 1 et 500 entrées.",
                "terms.entryDuration:offer.card.entry-duration.format:"
                        + "Durée illisible : « 3h » (exemples : PT3H, 180 pour 180 minutes).",
                "terms.validity:offer.card.validity.format:Validité illisible : « un an » (exemples : P1Y, P6M).",
                "priceCents:money.amount.range:Le montant doit être compris entre 0 et 1 000 000 €.",
                "vatRate:vat.rate.format:Taux de TVA illisible : « vingt » (exemples : 20, 5,5).",
                "scope.placeIds[0]:place.id.format:Identifiant de lieu illisible.");
        Api.Reply en = api.post(offers(slug), bad).token(animator.token()).lang("en").send();
        assertThat(en.header("Content-Language")).isEqualTo("en");
        assertThat(fieldsAndCodes(en)).containsExactly("name:offer.name.length",
                "terms.entries:offer.card.entries.range", "terms.entryDuration:offer.card.entry-duration.format",
                "terms.validity:offer.card.validity.format", "priceCents:money.amount.range",
                "vatRate:vat.rate.format", "scope.placeIds[0]:place.id.format");
        assertThat(messages(en)).allSatisfy(m -> assertThat(m).doesNotContain("é", " d’", " l’", " n’", " qu’"));

        List<String> problems = new java.util.ArrayList<>();
        for (String terms : List.of("{}", "{\"type\":\"TICKET\"}", "{\"type\":\"SUBSCRIPTION\"}",
                "{\"type\":\"SUBSCRIPTION\",\"billing\":\"WEEKLY\"}",
                "{\"type\":\"CARD\",\"entries\":10,\"entryDuration\":\"PT10M\",\"validity\":\"P4Y\"}")) {
            Api.Reply reply = api.post(offers(slug), """
                    {"operatorId": "%s", "name": "Offre", "terms": %s, "priceCents": 100,
                     "scope": {"type": "OPERATOR_PLACES"}}""".formatted(operator, terms)).token(animator.token())
                    .send();
            problems.addAll(fieldsAndCodes(reply));
        }
        for (String scope : List.of("{}", "{\"type\":\"EVERYWHERE\"}", "{\"type\":\"CHOSEN_PLACES\"}",
                "{\"type\":\"CHOSEN_PLACES\",\"placeIds\":[]}")) {
            Api.Reply reply = api.post(offers(slug), """
                    {"operatorId": "%s", "name": "Offre", "terms": {"type": "DAY_PASS"}, "priceCents": 100,
                     "scope": %s}""".formatted(operator, scope)).token(animator.token()).send();
            problems.addAll(fieldsAndCodes(reply));
        }
        assertThat(problems).containsExactly("terms.type:field.required", "terms.type:offer.terms.type.unknown",
                "terms.billing:field.required", "terms.billing:offer.terms.billing.unknown",
                "terms.entryDuration:offer.card.entry-duration.range", "terms.validity:offer.card.validity.range",
                "scope.type:field.required", "scope.type:offer.scope.type.unknown",
                "scope.placeIds:offer.scope.places.empty", "scope.placeIds:offer.scope.places.empty");
        assertThat(api.get(offers(slug)).token(animator.token()).send().json().get("totalItems").asLong())
                .as("no offer was created").isZero();
    }

    @Test
    void chosen_places_are_the_operators_and_network_passes_wait_for_the_network_to_allow_them() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String operator = franchise(slug, animator, "CCSB");
        String other = franchise(slug, animator, "TUVES");
        String laSerre = place(slug, animator, operator, "La Serre");
        String lesTuves = place(slug, animator, other, "Les Tuves");

        Api.Reply chosen = api.post(offers(slug), chosenDayPass(operator, laSerre)).token(animator.token()).send();
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
        assertThat(chosen.json().get("scope").get("placeIds").values()).extracting(JsonNode::asString)
                .containsExactly(laSerre);
        Api.Reply notTheirs = api.post(offers(slug), chosenDayPass(operator, lesTuves)).token(animator.token())
                .send();
        assertThat(fieldsAndCodes(notTheirs)).containsExactly("scope.placeIds:offer.scope.place.not-of-operator");

        Api.Reply pass = api.post(offers(slug), dayPass(operator, "").replace("OPERATOR_PLACES", "WHOLE_NETWORK"))
                .token(animator.token()).send();
        assertThat(pass.status()).as(pass.toString()).isEqualTo(409);
        assertThat(code(pass)).isEqualTo("offer.scope.network-passes-not-allowed");

        Person manager = personIn(slug, NetworkRole.MANAGER);
        assertThat(api.patch("/api/networks/" + slug, "{\"networkPassesAllowed\": true}").token(manager.token())
                .send().status()).as("only animators allow passes").isEqualTo(403);
        Api.Reply allowed = api.patch("/api/networks/" + slug, "{\"networkPassesAllowed\": true}")
                .token(animator.token()).send();
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.json().get("networkPassesAllowed").asBoolean()).isTrue();
        Api.Reply passNow = api.post(offers(slug), dayPass(operator, "").replace("OPERATOR_PLACES", "WHOLE_NETWORK"))
                .token(animator.token()).send();
        assertThat(passNow.status()).as(passNow.toString()).isEqualTo(201);
        assertThat(passNow.json().get("scope").get("type").asString()).isEqualTo("WHOLE_NETWORK");
    }

    @Test
    void a_manager_manages_only_the_offers_of_the_operators_they_run_and_archiving_is_idempotent() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person manager = personIn(slug, NetworkRole.MANAGER);
        String theirs = franchise(slug, animator, "CCSB");
        String other = franchise(slug, animator, "TUVES");
        assertThat(api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"" + theirs + "\"]}")
                .token(animator.token()).send().status()).isEqualTo(200);
        String othersOffer = api.post(offers(slug), LA_SERRE_CARD.formatted(other)).token(animator.token()).send()
                .json().get("id").asString();

        Api.Reply forOther = api.post(offers(slug), LA_SERRE_CARD.formatted(other)).token(manager.token()).send();
        assertThat(fieldsAndCodes(forOther)).containsExactly("operatorId:operator.not-found");
        for (Api.Call call : List.of(api.put(offers(slug) + "/" + othersOffer, LA_SERRE_CARD.formatted(theirs)),
                api.post(offers(slug) + "/" + othersOffer + "/archive", null))) {
            Api.Reply reply = call.token(manager.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("offer.not-found");
        }
        assertThat(api.get(offers(slug) + "/" + othersOffer).token(manager.token()).send().status())
                .as("managers read every offer").isEqualTo(200);

        Api.Reply mine = api.post(offers(slug), LA_SERRE_CARD.formatted(theirs)).token(manager.token()).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        String id = mine.json().get("id").asString();
        Api.Reply archived = api.post(offers(slug) + "/" + id + "/archive", null).token(manager.token()).send();
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().get("archived").asBoolean()).isTrue();
        assertThat(archived.json().get("version").asLong()).isEqualTo(1);
        Api.Reply again = api.post(offers(slug) + "/" + id + "/archive", null).token(manager.token()).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("archived").asBoolean()).isTrue();
        assertThat(again.json().get("version").asLong()).as("idempotent: nothing changed").isEqualTo(1);
        assertThat(api.delete(offers(slug) + "/" + id).token(animator.token()).send().status())
                .as("offers are never deleted").isIn(404, 405);
        assertThat(api.get(offers(slug) + "/" + id).token(manager.token()).send().json().get("archived")
                .asBoolean()).isTrue();
    }

    @Test
    void people_of_another_network_get_404_for_its_offers() {
        String slug = network();
        String elsewhere = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person intruder = personIn(elsewhere, NetworkRole.ANIMATOR);
        String operator = franchise(slug, animator, "CCSB");
        String id = api.post(offers(slug), LA_SERRE_CARD.formatted(operator)).token(animator.token()).send().json()
                .get("id").asString();
        String card = LA_SERRE_CARD.formatted(operator);

        for (Api.Call call : List.of(api.get(offers(slug)), api.post(offers(slug), card),
                api.get(offers(slug) + "/" + id), api.put(offers(slug) + "/" + id, card),
                api.post(offers(slug) + "/" + id + "/archive", null), api.post(offers(slug), "{}"))) {
            Api.Reply reply = call.token(intruder.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }
        Api.Reply there = api.get(offers(elsewhere) + "/" + id).token(intruder.token()).send();
        assertThat(there.status()).isEqualTo(404);
        assertThat(code(there)).isEqualTo("offer.not-found");
        Api.Reply archiveThere = api.post(offers(elsewhere) + "/" + id + "/archive", null).token(intruder.token())
                .send();
        assertThat(code(archiveThere)).isEqualTo("offer.not-found");
        assertThat(api.get(offers(slug) + "/" + id).token(animator.token()).send().json().get("archived")
                .asBoolean()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String network() {
        String slug = uniqueSlug("offers");
        Api.Reply created = api.post("/api/networks", networkJson(slug, "Baronnies " + slug, "26", "05"))
                .token(platformAdmin()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    static String offers(String slug) {
        return "/api/networks/" + slug + "/offers";
    }

    private String franchise(String slug, Person animator, String prefix) {
        Api.Reply created = api.post(operators(slug), operatorJson("Opérateur " + prefix, SIREN,
                "{\"type\":\"FRANCHISE\"}", prefix)).token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String liable(String slug, Person animator) {
        Api.Reply created = api.post(operators(slug), operatorJson("SCIC La Locomotive", SIREN,
                "{\"type\":\"LIABLE\",\"rates\":[\"20\",\"10\"]}", "LOCO")).token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String place(String slug, Person animator, String operator, String name) {
        Api.Reply created = api.post(places(slug), laSerreJson(operator, LA_SERRE_HOURS).replace("La Serre", name))
                .token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String dayPass(String operator, String vat) {
        return """
                {"operatorId": "%s", "name": "Pass journée", "terms": {"type": "DAY_PASS"}, "priceCents": 1200, %s
                 "scope": {"type": "OPERATOR_PLACES"}}""".formatted(operator, vat);
    }

    private static String chosenDayPass(String operator, String place) {
        return """
                {"operatorId": "%s", "name": "Pass journée", "terms": {"type": "DAY_PASS"}, "priceCents": 1200,
                 "scope": {"type": "CHOSEN_PLACES", "placeIds": ["%s"]}}""".formatted(operator, place);
    }

    private static List<String> errors(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString() + ":"
                        + e.get("message").asString().replaceAll("[\\u00a0\\u202f]", " ")) // grouping spaces
                .toList();
    }

    private static List<String> fieldsAndCodes(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList();
    }

    private static List<String> messages(Api.Reply reply) {
        return reply.json().path("errors").values().stream().map(e -> e.get("message").asString()).toList();
    }
}
