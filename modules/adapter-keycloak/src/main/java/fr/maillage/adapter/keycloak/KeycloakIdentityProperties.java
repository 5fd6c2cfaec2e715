package fr.maillage.adapter.keycloak;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Keycloak ({@code maillage.identity.keycloak.*}).
 *
 * @param url the server's base URL, without the realm (e.g. {@code http://localhost:8180})
 * @param realm the platform's realm
 * @param clientId the confidential client whose service account provisions organizations and people
 * @param clientSecret its secret (the development default matches {@code infra/keycloak/maillage-realm.json} when
 *     {@code MAILLAGE_KEYCLOAK_API_SECRET} is not set; set it in every other environment)
 * @param connectTimeout the longest wait for a connection to Keycloak
 * @param readTimeout the longest wait for Keycloak's answer once connected
 * @param connectionPoolSize the most connections open to Keycloak at once
 */
@ConfigurationProperties("maillage.identity.keycloak")
public record KeycloakIdentityProperties(
        String url,
        @DefaultValue("maillage") String realm,
        @DefaultValue("maillage-api") String clientId,
        @DefaultValue("maillage-api-dev-secret") String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("20") int connectionPoolSize) {

    public static final String DEFAULT_REALM = "maillage";
    public static final String DEFAULT_CLIENT_ID = "maillage-api";
    public static final String DEFAULT_CLIENT_SECRET = "maillage-api-dev-secret";

    public KeycloakIdentityProperties {
        Objects.requireNonNull(url, "maillage.identity.keycloak.url");
        url = url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("maillage.identity.keycloak.url must be an http(s) URL: " + url);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("Keycloak timeouts must be positive");
        }
        if (connectionPoolSize < 1) {
            throw new IllegalArgumentException("maillage.identity.keycloak.connection-pool-size must be at least 1");
        }
    }

    /** The defaults (realm {@code maillage}, client {@code maillage-api} with its development secret, 2 s / 5 s). */
    public static KeycloakIdentityProperties of(String url) {
        return new KeycloakIdentityProperties(url, DEFAULT_REALM, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 20);
    }
}
