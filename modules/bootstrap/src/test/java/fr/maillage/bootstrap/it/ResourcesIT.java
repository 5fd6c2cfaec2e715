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
 * Resources of places end to end: La Serre's meeting room with its prices, read by members; bad inputs are 400 with
 * each field named; a manager changes only the resources of their operators' places (404); other networks get 404.
 */
class ResourcesIT extends EndToEndTest {

    static final String ROOM = """
            {"kind": "MEETING_ROOM", "name": "Salle du Lac", "capacity": 8, "pricePerHourCents": 1500,
             "pricePerHalfDayCents": 5000, "pricePerDayCents": 9000}""";

    @Test
    void la_serre_has_a_meeting_room_with_prices_read_by_members_and_changed_by_its_manager() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person member = personIn(slug, NetworkRole.MEMBER);
        String theirs = operator(slug, animator, "CCSB");
        String other = operator(slug, animator, "TUVES");
        String laSerre = place(slug, animator, theirs, "La Serre");
        String lesTuves = place(slug, animator, other, "Les Tuves");
        assertThat(api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"" + theirs + "\"]}")
                .token(animator.token()).send().status()).isEqualTo(200);

        Api.Reply created = api.post(resources(slug, laSerre), ROOM).token(manager.token()).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode room = created.json();
        String id = room.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(resources(slug, laSerre) + "/" + id);
        assertThat(room.get("kind").asString()).isEqualTo("MEETING_ROOM");
        assertThat(room.get("capacity").asInt()).isEqualTo(8);
        assertThat(room.get("pricePerHourCents").asLong()).isEqualTo(1500);
        assertThat(room.get("pricePerHalfDayCents").asLong()).isEqualTo(5000);
        assertThat(room.get("pricePerDayCents").asLong()).isEqualTo(9000);
        assertThat(room.get("active").asBoolean()).isTrue();

        Api.Reply desk = api.post(resources(slug, laSerre), """
                {"kind": "desk", "name": "Poste fixe", "capacity": 1}""").token(animator.token()).send();
        assertThat(desk.status()).as(desk.toString()).isEqualTo(201);
        assertThat(desk.json().get("pricePerHourCents").isNull()).as("prices are optional").isTrue();
        Api.Reply list = api.get(resources(slug, laSerre)).token(member.token()).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("items").values()).extracting(r -> r.get("name").asString())
                .containsExactly("Poste fixe", "Salle du Lac");

        Api.Reply inactive = api.put(resources(slug, laSerre) + "/" + id, ROOM.replace("8,", "10, \"active\": false,"))
                .header("If-Match", "\"0\"").token(manager.token()).send();
        assertThat(inactive.status()).as(inactive.toString()).isEqualTo(200);
        assertThat(inactive.json().get("capacity").asInt()).isEqualTo(10);
        assertThat(inactive.json().get("active").asBoolean()).isFalse();
        assertThat(api.put(resources(slug, laSerre) + "/" + id, ROOM).header("If-Match", "\"0\"")
                .token(manager.token()).send().status()).as("stale").isEqualTo(412);

        Api.Reply notTheirs = api.post(resources(slug, lesTuves), ROOM).token(manager.token()).send();
        assertThat(notTheirs.status()).as(notTheirs.toString()).isEqualTo(404);
        assertThat(code(notTheirs)).isEqualTo("place.not-found");
        Api.Reply wrongPlace = api.put(resources(slug, lesTuves) + "/" + id, ROOM).token(animator.token()).send();
        assertThat(wrongPlace.status()).as("a resource is reached through its own place").isEqualTo(404);
        assertThat(code(wrongPlace)).isEqualTo("resource.not-found");
        assertThat(api.post(resources(slug, laSerre), ROOM).token(member.token()).send().status())
                .as("members only read").isEqualTo(403);
    }

    @Test
    void bad_inputs_are_400_with_each_field_named_in_french_or_in_english() {
        String slug = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String laSerre = place(slug, animator, operator(slug, animator, "CCSB"), "La Serre");

        Api.Reply missing = api.post(resources(slug, laSerre), "{}").token(animator.token()).lang("en").send();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(missing)).containsExactly("kind:field.required", "name:field.required",
                "capacity:field.required");
        String bad = """
                {"kind": "CHAISE", "name": "S", "capacity": 501, "pricePerHourCents": -5}""";
        Api.Reply fr = api.post(resources(slug, laSerre), bad).token(animator.token()).send();
        assertThat(fr.header("Content-Language")).isEqualTo("fr");
        assertThat(errors(fr)).containsExactly(
                "kind:resource.kind.unknown:Type de ressource inconnu : « CHAISE » (DESK, MEETING_ROOM ou MACHINE).",
                "name:resource.name.length:Le nom de la ressource doit compter entre 2 et 120 caractères.",
                "capacity:resource.capacity.range:La capacité d’une ressource est comprise entre 1 et 500.",
                "pricePerHourCents:money.amount.range:Le montant doit être compris entre 0 et 1 000 000 €.");
        Api.Reply en = api.post(resources(slug, laSerre), bad).token(animator.token()).lang("en").send();
        assertThat(fieldsAndCodes(en)).containsExactly("kind:resource.kind.unknown", "name:resource.name.length",
                "capacity:resource.capacity.range", "pricePerHourCents:money.amount.range");
        assertThat(en.json().path("errors").values()).allSatisfy(e -> assertThat(e.get("message").asString())
                .doesNotContain("é", " d’", " l’", " n’", " qu’"));
        assertThat(api.get(resources(slug, laSerre)).token(animator.token()).send().json().get("items").isEmpty())
                .isTrue();
    }

    @Test
    void people_of_another_network_get_404_for_its_resources() {
        String slug = network();
        String elsewhere = network();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person intruder = personIn(elsewhere, NetworkRole.ANIMATOR);
        String laSerre = place(slug, animator, operator(slug, animator, "CCSB"), "La Serre");
        String id = api.post(resources(slug, laSerre), ROOM).token(animator.token()).send().json().get("id")
                .asString();

        for (Api.Call call : List.of(api.get(resources(slug, laSerre)), api.post(resources(slug, laSerre), ROOM),
                api.put(resources(slug, laSerre) + "/" + id, ROOM), api.post(resources(slug, laSerre), "{}"))) {
            Api.Reply reply = call.token(intruder.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }
        Api.Reply there = api.get(resources(elsewhere, laSerre)).token(intruder.token()).send();
        assertThat(code(there)).isEqualTo("place.not-found");
        assertThat(api.get(resources(slug, laSerre)).token(animator.token()).send().json().get("items").get(0)
                .get("name").asString()).isEqualTo("Salle du Lac");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String network() {
        String slug = uniqueSlug("resources");
        Api.Reply created = api.post("/api/networks", networkJson(slug, "Baronnies " + slug, "26", "05"))
                .token(platformAdmin()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    static String resources(String slug, String placeId) {
        return "/api/networks/" + slug + "/places/" + placeId + "/resources";
    }

    private String operator(String slug, Person animator, String prefix) {
        Api.Reply created = api.post(operators(slug), operatorJson("Opérateur " + prefix, SIREN,
                "{\"type\":\"FRANCHISE\"}", prefix)).token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String place(String slug, Person animator, String operator, String name) {
        Api.Reply created = api.post(places(slug), laSerreJson(operator, LA_SERRE_HOURS).replace("La Serre", name))
                .token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
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
}
