package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error leaves as an RFC 9457 problem in the caller's language, and a refused request writes nothing. */
class ProblemDetailsIT extends EndToEndTest {

    @Test
    void every_bad_field_is_reported_at_once_in_french_by_default() {
        String slug = "Mauvais Slug";
        Api.Reply reply = api.post("/api/networks",
                "{\"slug\":\"" + slug + "\",\"name\":\"x\",\"territory\":[\"26\",\"20\"],\"timeZone\":\"+01:00\"}")
                .token(platformAdmin()).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Content-Language")).isEqualTo("fr");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:input.invalid");
        assertThat(problem.get("title").asString()).isEqualTo("Requête invalide");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/networks");
        assertThat(fieldCodes(problem)).containsExactly(
                "slug:network.slug.format", "name:network.name.length", "territory[1]:network.departement.unknown",
                "timeZone:network.time-zone.not-a-region");
        assertThat(problem.get("errors").get(2).get("message").asString())
                .isEqualTo("« 20 » n’est pas un code de département (01 à 95, 2A, 2B, 971 à 976).");
    }

    @Test
    void the_caller_who_prefers_english_gets_english() {
        Api.Reply reply = api.post("/api/networks", "{\"name\":\"Réseau\",\"territory\":[]}")
                .token(platformAdmin()).lang("en-GB,en;q=0.9,fr;q=0.5").send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Language")).isEqualTo("en");
        assertThat(reply.json().get("title").asString()).isEqualTo("Bad request");
        assertThat(fieldCodes(reply.json())).containsExactly("slug:field.required", "territory:network.territory.empty");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).isEqualTo("This field is required.");
    }

    @Test
    void a_language_we_do_not_speak_falls_back_to_french() {
        Api.Reply reply = api.get("/api/networks/" + uniqueSlug("nulle-part")).token(platformAdmin()).lang("de-DE")
                .send();
        assertThat(reply.header("Content-Language")).isEqualTo("fr");
        assertThat(reply.json().get("title").asString()).isEqualTo("Introuvable");
    }

    @Test
    void an_unknown_field_is_refused_by_name() {
        String slug = uniqueSlug("inconnu");
        Api.Reply reply = api.post("/api/networks",
                "{\"slug\":\"" + slug + "\",\"name\":\"Réseau\",\"territory\":[\"26\"],\"tenant\":\"autre\"}")
                .token(platformAdmin()).send();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(fieldCodes(reply.json())).containsExactly("tenant:field.unknown");
        assertThat(networkRows(slug)).isZero();
    }

    @Test
    void malformed_json_a_wrong_type_trailing_garbage_and_a_missing_body_are_400() {
        String admin = platformAdmin();
        Api.Reply malformed = api.post("/api/networks", "{\"slug\": \"abc\", ").token(admin).send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("request.malformed");

        Api.Reply wrongType = api.post("/api/networks", "{\"slug\":\"abcd\",\"name\":\"Réseau\",\"territory\":\"26\"}")
                .token(admin).send();
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fieldCodes(wrongType.json())).containsExactly("territory:field.type");

        Api.Reply trailing = api.post("/api/networks", networkJson(uniqueSlug("trail"), "Réseau", "26") + " {}")
                .token(admin).send();
        assertThat(trailing.status()).isEqualTo(400);

        Api.Reply missing = api.post("/api/networks", "").token(admin).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("request.body-missing");

        Api.Reply nullItem = api.post("/api/networks", "{\"slug\":\"abcd\",\"name\":\"Réseau\",\"territory\":[null]}")
                .token(admin).send();
        assertThat(fieldCodes(nullItem.json())).containsExactly("territory[0]:field.required");

        Api.Reply emptyPatch = api.patch("/api/networks/abcd", "{}").token(admin).send();
        assertThat(emptyPatch.status()).isIn(400, 404);
    }

    @Test
    void control_characters_in_a_name_are_refused() {
        Api.Reply reply = api.post("/api/networks", "{\"slug\":\"" + uniqueSlug("ctl")
                + "\",\"name\":\"Ligne\\nsuivante\",\"territory\":[\"26\"]}").token(platformAdmin()).send();
        assertThat(fieldCodes(reply.json())).containsExactly("name:text.control-characters");
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413_and_nothing_is_written() {
        String slug = uniqueSlug("lourd");
        String huge = "{\"slug\":\"" + slug + "\",\"name\":\"Réseau\",\"territory\":[\"26\"],\"padding\":\""
                + "x".repeat(10_000) + "\"}";
        Api.Reply announced = api.post("/api/networks", huge).token(platformAdmin()).send();
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.json().get("code").asString()).isEqualTo("request.too-large");
        assertThat(announced.json().get("detail").asString())
                .as("the limit, written the French way with a thin space between thousands").contains("4\u202f096");

        String hugeButValid = "{\"slug\":\"" + slug + "\",\"name\":\"Réseau\",\"territory\":[\"26\""
                + ",\"26\"".repeat(2_000) + "]}";
        Api.Reply chunked = api.post("/api/networks", hugeButValid).token(platformAdmin())
                .send(chunked(hugeButValid));
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        assertThat(networkRows(slug)).isZero();
    }

    @Test
    void wrong_method_media_type_or_route_are_problems_too() {
        String admin = platformAdmin();
        Api.Reply method = api.delete("/api/networks/" + uniqueSlug("m")).token(admin).send();
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
        assertThat(method.json().get("code").asString()).isEqualTo("request.method-not-allowed");

        Api.Reply mediaType = api.post("/api/networks", "slug=abc").token(admin)
                .header("Content-Type", "application/x-www-form-urlencoded").send();
        assertThat(mediaType.status()).isEqualTo(415);
        assertThat(mediaType.json().get("code").asString()).isEqualTo("request.media-type-unsupported");

        Api.Reply route = api.get("/api/nowhere").token(admin).send();
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("code").asString()).isEqualTo("request.no-route");
    }

    private static List<String> fieldCodes(JsonNode problem) {
        return problem.get("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString())
                .toList();
    }

    /** A body sent with chunked transfer encoding: no Content-Length announces its size. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
