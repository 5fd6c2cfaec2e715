package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A platform admin creates, reads, lists, renames and archives networks through /api/networks. */
class NetworkRegistryIT extends EndToEndTest {

    @Test
    void a_platform_admin_creates_a_network_and_reads_it_back() {
        String admin = platformAdmin();
        String slug = uniqueSlug("baronnies");
        Api.Reply created = api.post("/api/networks", networkJson(slug, "  Innover en   Baronnies provençales ", "26", "5"))
                .token(admin).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/networks/" + slug);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = created.json();
        assertThat(body.get("slug").asString()).isEqualTo(slug);
        assertThat(body.get("name").asString()).isEqualTo("Innover en Baronnies provençales");
        assertThat(body.get("territory").values()).extracting(JsonNode::asString).containsExactly("26", "05");
        assertThat(body.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("id").asString()).hasSize(36);

        Api.Reply read = api.get("/api/networks/" + slug).token(admin).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
        assertThat(networkRows(slug)).isEqualTo(1);
    }

    @Test
    void a_network_gets_the_time_zone_it_is_given() {
        String slug = uniqueSlug("reunion");
        Api.Reply created = api.post("/api/networks",
                "{\"slug\":\"" + slug + "\",\"name\":\"Tiers-lieux de La Réunion\",\"territory\":[\"974\"],"
                        + "\"timeZone\":\"Indian/Reunion\"}").token(platformAdmin()).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("timeZone").asString()).isEqualTo("Indian/Reunion");
    }

    @Test
    void a_taken_slug_is_refused_with_409_and_the_first_network_is_kept() {
        String admin = platformAdmin();
        String slug = uniqueSlug("drome");
        assertThat(api.post("/api/networks", networkJson(slug, "Réseau de la Drôme", "26")).token(admin).send()
                .status()).isEqualTo(201);

        Api.Reply again = api.post("/api/networks", networkJson(slug, "Un autre réseau", "07")).token(admin).send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:maillage:problem:network.slug.taken");
        assertThat(again.json().get("detail").asString()).contains(slug).contains("déjà utilisé");
        assertThat(networkRows(slug)).isEqualTo(1);
        assertThat(api.get("/api/networks/" + slug).token(admin).send().json().get("name").asString())
                .isEqualTo("Réseau de la Drôme");
    }

    @Test
    void concurrent_creations_of_one_slug_store_exactly_one_network() throws Exception {
        String admin = platformAdmin();
        String slug = uniqueSlug("race");
        int attempts = 8;
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String json = networkJson(slug, "Tentative " + i, "48");
            calls.add(() -> api.post("/api/networks", json).token(admin).send().status());
        }
        List<Integer> statuses = concurrently(calls);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(networkRows(slug)).isEqualTo(1);
    }

    @Test
    void renaming_changes_the_name_and_the_version() {
        String admin = platformAdmin();
        String slug = uniqueSlug("lozere");
        api.post("/api/networks", networkJson(slug, "SoLozère", "48")).token(admin).send();

        Api.Reply renamed = api.patch("/api/networks/" + slug, "{\"name\":\"SoLozère, télécentres\"}").token(admin)
                .header("If-Match", "\"0\"").send();

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("SoLozère, télécentres");
        assertThat(renamed.json().get("version").asLong()).isEqualTo(1);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        assertThat(renamed.json().get("slug").asString()).isEqualTo(slug);
        assertThat(api.get("/api/networks/" + slug).token(admin).send().json().get("name").asString())
                .isEqualTo("SoLozère, télécentres");
    }

    @Test
    void concurrent_renames_never_lose_an_update_silently() throws Exception {
        String admin = platformAdmin();
        String slug = uniqueSlug("renames");
        api.post("/api/networks", networkJson(slug, "Nom 0", "26")).token(admin).send();
        int writers = 6;
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            String json = "{\"name\":\"Nom " + i + "\"}";
            calls.add(() -> api.patch("/api/networks/" + slug, json).token(admin).send().status());
        }
        List<Integer> statuses = concurrently(calls);
        assertThat(statuses).containsOnly(200, 409);
        long applied = statuses.stream().filter(s -> s == 200).count();
        JsonNode stored = api.get("/api/networks/" + slug).token(admin).send().json();
        assertThat(stored.get("version").asLong()).as("one version per applied rename").isEqualTo(applied);
    }

    @Test
    void territory_and_time_zone_can_change_too_and_a_change_to_the_same_values_keeps_the_version() {
        String admin = platformAdmin();
        String slug = uniqueSlug("territoire");
        api.post("/api/networks", networkJson(slug, "Réseau", "26")).token(admin).send();

        Api.Reply changed = api.patch("/api/networks/" + slug,
                "{\"territory\":[\"26\",\"07\"],\"timeZone\":\"Europe/Paris\"}").token(admin).send();
        assertThat(changed.json().get("territory").values()).extracting(JsonNode::asString)
                .containsExactly("26", "07");
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);

        Api.Reply same = api.patch("/api/networks/" + slug, "{\"name\":\"Réseau\"}").token(admin).send();
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void an_update_with_a_stale_if_match_is_refused_with_412_and_changes_nothing() {
        String admin = platformAdmin();
        String slug = uniqueSlug("stale");
        api.post("/api/networks", networkJson(slug, "Avant", "05")).token(admin).send();
        api.patch("/api/networks/" + slug, "{\"name\":\"Pendant\"}").token(admin).send();

        Api.Reply stale = api.patch("/api/networks/" + slug, "{\"name\":\"Après\"}").token(admin)
                .header("If-Match", "\"0\"").send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asString()).isEqualTo("precondition.failed");

        Api.Reply malformed = api.patch("/api/networks/" + slug, "{\"name\":\"Après\"}").token(admin)
                .header("If-Match", "version-0").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get("/api/networks/" + slug).token(admin).send().json().get("name").asString())
                .isEqualTo("Pendant");
    }

    @Test
    void a_read_with_the_current_etag_answers_304() {
        String admin = platformAdmin();
        String slug = uniqueSlug("etag");
        api.post("/api/networks", networkJson(slug, "Réseau", "26")).token(admin).send();

        Api.Reply notModified = api.get("/api/networks/" + slug).token(admin).header("If-None-Match", "\"0\"").send();
        assertThat(notModified.status()).isEqualTo(304);
        Api.Reply modified = api.get("/api/networks/" + slug).token(admin).header("If-None-Match", "\"7\"").send();
        assertThat(modified.status()).isEqualTo(200);
    }

    @Test
    void archiving_is_idempotent_and_an_archived_network_cannot_be_renamed() {
        String admin = platformAdmin();
        String slug = uniqueSlug("archive");
        api.post("/api/networks", networkJson(slug, "Éphémère", "26")).token(admin).send();

        Api.Reply archived = api.post("/api/networks/" + slug + "/archive", null).token(admin).send();
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.json().get("archivedAt").isNull()).isFalse();
        Api.Reply again = api.post("/api/networks/" + slug + "/archive", null).token(admin).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("archivedAt")).isEqualTo(archived.json().get("archivedAt"));

        Api.Reply rename = api.patch("/api/networks/" + slug, "{\"name\":\"Renommé\"}").token(admin).send();
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.json().get("code").asString()).isEqualTo("network.archived");
        assertThat(api.get("/api/networks/" + slug).token(admin).send().json().get("name").asString())
                .isEqualTo("Éphémère");

        Api.Reply reuse = api.post("/api/networks", networkJson(slug, "Nouveau", "26")).token(admin).send();
        assertThat(reuse.status()).as("an archived network's slug is never reused").isEqualTo(409);
    }

    @Test
    void the_list_is_sorted_by_slug_paged_and_filtered_by_status() {
        String admin = platformAdmin();
        String prefix = uniqueSlug("list");
        for (String suffix : List.of("c", "a", "b")) {
            api.post("/api/networks", networkJson(prefix + "-" + suffix, "Réseau " + suffix, "26")).token(admin).send();
        }
        api.post("/api/networks/" + prefix + "-b/archive", null).token(admin).send();

        // Every page, in order: the run creates more than a page of networks, and the new ones may sort anywhere.
        List<JsonNode> all = everyPage(admin, "/api/networks?size=100");
        List<String> slugs = all.stream().map(n -> n.get("slug").asString()).toList();
        assertThat(slugs).isSorted();
        assertThat(slugs).contains(prefix + "-a", prefix + "-b", prefix + "-c");

        List<JsonNode> archived = everyPage(admin, "/api/networks?status=archived&size=100");
        assertThat(archived).allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("ARCHIVED"));
        assertThat(archived).extracting(n -> n.get("slug").asString()).contains(prefix + "-b")
                .doesNotContain(prefix + "-a");

        JsonNode page = api.get("/api/networks?size=2&page=0").token(admin).send().json();
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("totalPages").asLong()).isEqualTo((page.get("totalItems").asLong() + 1) / 2);
    }

    private List<JsonNode> everyPage(String token, String path) {
        List<JsonNode> items = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode reply = api.get(path + "&page=" + page).token(token).send().json();
            reply.get("items").values().forEach(items::add);
            if (page + 1 >= reply.get("totalPages").asLong()) {
                return items;
            }
        }
    }

    @Test
    void a_page_larger_than_the_cap_or_a_bad_status_is_refused() {
        String admin = platformAdmin();
        Api.Reply tooLarge = api.get("/api/networks?size=101").token(admin).send();
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("size");

        Api.Reply badStatus = api.get("/api/networks?status=closed").token(admin).send();
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("code").asString()).isEqualTo("network.status.unknown");

        Api.Reply notANumber = api.get("/api/networks?page=two").token(admin).send();
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    @Test
    void an_unknown_network_answers_404() {
        String admin = platformAdmin();
        Api.Reply missing = api.get("/api/networks/" + uniqueSlug("absent")).token(admin).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:maillage:problem:network.not-found");
        assertThat(api.get("/api/networks/NOT_A_SLUG").token(admin).send().status()).isEqualTo(404);
        assertThat(api.patch("/api/networks/" + uniqueSlug("absent"), "{\"name\":\"X y\"}").token(admin).send()
                .status()).isEqualTo(404);
        assertThat(api.post("/api/networks/" + uniqueSlug("absent") + "/archive", null).token(admin).send()
                .status()).isEqualTo(404);
    }

    @Test
    void only_platform_admins_manage_networks_and_others_cannot_even_see_one() {
        String admin = platformAdmin();
        String slug = uniqueSlug("prive");
        api.post("/api/networks", networkJson(slug, "Privé", "26")).token(admin).send();
        String member = someone().token();

        assertThat(api.post("/api/networks", networkJson(uniqueSlug("x"), "Pirate", "26")).token(member).send()
                .status()).isEqualTo(403);
        assertThat(api.get("/api/networks").token(member).send().status()).isEqualTo(403);
        assertThat(api.get("/api/networks/" + slug).token(member).send().status()).isEqualTo(404);
        assertThat(api.get("/api/networks/" + slug).token(member).send().json().get("code").asString())
                .isEqualTo("network.not-found");
        assertThat(api.patch("/api/networks/" + slug, "{\"name\":\"Pirate\"}").token(member).send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/networks/" + slug + "/archive", null).token(member).send().status()).isEqualTo(404);
        assertThat(api.get("/api/networks/" + slug).token(admin).send().json().get("status").asString())
                .isEqualTo("ACTIVE");
    }
}
