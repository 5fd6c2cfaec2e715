package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.maillage.adapter.keycloak.testing.KeycloakTestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import tools.jackson.databind.JsonNode;

/**
 * Only an access token of the realm, signed by its keys, for this API, unexpired, is accepted. Every other token
 * is a 401 problem, and changes nothing.
 */
class TokenValidationIT extends EndToEndTest {

    @Test
    void no_token_is_401_with_a_bearer_challenge() {
        Api.Reply reply = api.get("/api/me").send();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo("auth.required");
    }

    @Test
    void a_real_access_token_is_accepted() {
        Person person = someone();
        Api.Reply me = api.get("/api/me").token(person.token()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("subject").asString()).isEqualTo(person.subject());
    }

    @Test
    void unsigned_forged_and_tampered_tokens_are_401() throws Exception {
        String valid = someone().token();
        String[] parts = valid.split("\\.");
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String tampered = parts[0] + "." + encode(decode(parts[1]).replace("\"email_verified\":true",
                "\"email_verified\":false")) + "." + parts[2];
        String otherKey = signWithAnotherKey(decode(parts[1]), parts[0]);

        assertRefused(unsigned, "alg: none");
        assertRefused(tampered, "tampered payload");
        assertRefused(otherKey, "signed by another key, same kid");
        assertRefused("not-a-jwt", "garbage");
        assertThat(api.get("/api/me").token(valid).send().status()).isEqualTo(200);
    }

    @Test
    void an_id_token_is_not_an_access_token() {
        Person person = someone();
        String idToken = KEYCLOAK.idToken(person.email(), PASSWORD);
        assertThat(KeycloakTestServer.claims(idToken).get("typ")).isEqualTo("ID");
        assertRefused(idToken, "ID token");
    }

    @Test
    void a_token_of_another_realm_is_refused_for_its_issuer() {
        String master = form(KEYCLOAK.url() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", KeycloakTestServer.ADMIN_USERNAME,
                "password", KeycloakTestServer.ADMIN_PASSWORD)).get("access_token").asString();
        assertThat(KeycloakTestServer.claims(master).get("iss")).isEqualTo(KEYCLOAK.url() + "/realms/master");
        assertRefused(master, "issuer master");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String serviceToken = KEYCLOAK.clientCredentialsToken();
        Object audience = KeycloakTestServer.claims(serviceToken).get("aud");
        assertThat(audience == null ? List.of() : audience instanceof Collection<?> c ? c : List.of(audience))
                .as("precondition: this token is not for maillage-api").doesNotContain("maillage-api");
        assertRefused(serviceToken, "audience");
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        String clientId = "maillage-test-short-" + System.nanoTime();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(Map.of("access.token.lifespan", "1"));
        ClientRepresentation test = KEYCLOAK.realm().clients().findByClientId("maillage-test").getFirst();
        client.setProtocolMappers(test.getProtocolMappers().stream().peek(m -> m.setId(null)).toList());
        client.setDefaultClientScopes(test.getDefaultClientScopes());
        KEYCLOAK.realm().clients().create(client).close();
        Person person = someone();
        String shortLived = form(KEYCLOAK.issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", clientId, "username", person.email(), "password", PASSWORD, "scope", "openid"))
                .get("access_token").asString();
        Thread.sleep(3_000); // lifespan 1 s, clock skew 1 s in the tests
        assertRefused(shortLived, "expired");
    }

    @Test
    void a_refused_token_changes_nothing() {
        String slug = uniqueSlug("forge");
        String[] parts = platformAdmin().split("\\.");
        String tampered = parts[0] + "." + encode(decode(parts[1]).replace("\"typ\":\"Bearer\"",
                "\"typ\":\"Bearer\" ")) + "." + parts[2];
        assertThat(api.post("/api/networks", networkJson(slug, "Réseau", "26")).token(tampered).send().status())
                .isEqualTo(401);
        assertThat(networkRows(slug)).isZero();
    }

    private void assertRefused(String token, String why) {
        Api.Reply reply = api.get("/api/me").token(token).lang("en").send();
        assertThat(reply.status()).as(why).isEqualTo(401);
        assertThat(reply.json().get("code").asString()).as(why).isEqualTo("auth.invalid-token");
        assertThat(reply.header("WWW-Authenticate")).as(why).contains("invalid_token");
    }

    private static String signWithAnotherKey(String payload, String realHeader) throws Exception {
        String kid = Api.JSON.readTree(decode(realHeader)).get("kid").asString();
        RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                JWTClaimsSet.parse(payload));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JsonNode form(String url, Map<String, String> fields) {
        String body = String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
            }
            return Api.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
