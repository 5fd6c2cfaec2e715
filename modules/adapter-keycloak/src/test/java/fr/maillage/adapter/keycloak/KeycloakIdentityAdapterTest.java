package fr.maillage.adapter.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.shared.ServiceUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What needs no Keycloak: configuration, and how an unreachable or silent Keycloak is reported. Everything else is
 * tested against a real Keycloak by {@code KeycloakIdentityAdapterIT} in bootstrap.
 */
class KeycloakIdentityAdapterTest {

    @Test
    void propertiesHaveTheDocumentedDefaultsAndTrimTheUrl() {
        KeycloakIdentityProperties properties = KeycloakIdentityProperties.of("http://localhost:8180/");

        assertThat(properties.url()).isEqualTo("http://localhost:8180");
        assertThat(properties.realm()).isEqualTo("maillage");
        assertThat(properties.clientId()).isEqualTo("maillage-api");
        assertThat(properties.clientSecret()).isEqualTo("maillage-api-dev-secret");
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void propertiesRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> KeycloakIdentityProperties.of("localhost:8180"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyOperationReportsAnUnreachableKeycloakAsUnavailableIdentity() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OrganizationRef organization = new OrganizationRef("some-id", "some-network");
        List<Consumer<KeycloakIdentityAdapter>> operations = List.of(
                adapter -> adapter.ensureOrganization("some-network", "Some network"),
                adapter -> adapter.ensurePerson(EmailAddress.of("someone@example.org"), null, null),
                adapter -> adapter.ensureMember(organization, "some-subject"),
                adapter -> adapter.removeMember(organization, "some-subject"));

        try (KeycloakIdentityAdapter adapter =
                new KeycloakIdentityAdapter(KeycloakIdentityProperties.of("http://localhost:" + closedPort))) {
            for (Consumer<KeycloakIdentityAdapter> operation : operations) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> operation.accept(adapter))
                        .isInstanceOf(ServiceUnavailableException.class)
                        .satisfies(e -> assertThat(((ServiceUnavailableException) e).arguments())
                                .containsExactly("identity"))
                        .hasCauseInstanceOf(RuntimeException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
        }
    }

    @Test
    void aKeycloakThatDoesNotAnswerIsUnavailableAfterTheReadTimeout() throws IOException {
        // The kernel accepts the connection (backlog), nobody ever answers.
        try (ServerSocket silent = new ServerSocket(0, 50);
                KeycloakIdentityAdapter adapter = new KeycloakIdentityAdapter(new KeycloakIdentityProperties(
                        "http://localhost:" + silent.getLocalPort(), "maillage", "maillage-api", "secret",
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 2))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> adapter.ensurePerson(EmailAddress.of("slow@example.org"), null, null))
                    .isInstanceOf(ServiceUnavailableException.class);

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void anAliasThatTheAttributeSearchCannotExpressIsRefused() {
        try (KeycloakIdentityAdapter adapter =
                new KeycloakIdentityAdapter(KeycloakIdentityProperties.of("http://localhost:1"))) {
            assertThatThrownBy(() -> adapter.ensureOrganization("two words", "Two words"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> adapter.ensureOrganization("a:b", "A B"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
