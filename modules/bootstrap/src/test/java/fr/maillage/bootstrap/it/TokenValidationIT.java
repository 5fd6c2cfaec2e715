package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.adapter.rest.security.DevTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only a valid access token from the trusted issuer opens the API; every failure is a 401 problem. */
class TokenValidationIT extends EndToEndTest {

    @Test
    void no_token_is_401_with_a_bearer_challenge() {
        Api.Reply reply = api.get("/api/networks").send();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo("auth.required");
    }

    @Test
    void tokens_that_are_forged_expired_or_unsigned_are_401() {
        String valid = platformAdmin();
        String otherKey = new DevTokenIssuer(Clock.systemUTC()).mint("intruder", List.of("platform-admin"),
                Duration.ofMinutes(5));
        String expired = issuer.mint("late", List.of("platform-admin"), Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(10));
        String[] parts = valid.split("\\.");
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String tampered = parts[0] + "." + encode(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("admin-", "other-")) + "." + parts[2];

        for (String token : List.of(otherKey, expired, unsigned, tampered, "not-a-jwt")) {
            Api.Reply reply = api.get("/api/networks").token(token).lang("en").send();
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.json().get("code").asString()).isEqualTo("auth.invalid-token");
            assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
        }
        assertThat(api.get("/api/networks").token(valid).send().status()).isEqualTo(200);
    }

    @Test
    void a_refused_token_changes_nothing() {
        String slug = uniqueSlug("forge");
        String expired = issuer.mint("late", List.of("platform-admin"), Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(10));
        assertThat(api.post("/api/networks", networkJson(slug, "Réseau", "26")).token(expired).send().status())
                .isEqualTo(401);
        assertThat(networkRows(slug)).isZero();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
