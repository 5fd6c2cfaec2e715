package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.MaillageApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * With a database URL and role credentials configured, the application uses that server and starts no embedded
 * one. Here the "external" server is the one the other tests use, so both applications see the same networks.
 */
class ExternalDatabaseIT extends EndToEndTest {

    @Autowired
    Environment environment;

    @Test
    void a_configured_url_is_used_instead_of_starting_an_embedded_server() {
        String slug = uniqueSlug("externe");
        api.post("/api/networks", networkJson(slug, "Réseau partagé", "26")).token(platformAdmin()).send();

        try (ConfigurableApplicationContext external = new SpringApplicationBuilder(MaillageApplication.class)
                .run("--maillage.db.url=" + environment.getProperty("maillage.db.url"),
                        "--maillage.db.owner-user=" + environment.getProperty("maillage.db.owner-user"),
                        "--maillage.db.owner-password=" + environment.getProperty("maillage.db.owner-password"),
                        "--maillage.db.app-user=" + environment.getProperty("maillage.db.app-user"),
                        "--maillage.db.app-password=" + environment.getProperty("maillage.db.app-password"),
                        "--maillage.identity.keycloak.url=" + KEYCLOAK.url(),
                        "--server.port=0")) {
            Environment externalEnvironment = external.getEnvironment();
            assertThat(externalEnvironment.getProperty("maillage.db.embedded.running-port"))
                    .as("no embedded server was started for it").isNull();
            assertThat(externalEnvironment.getProperty("maillage.db.url"))
                    .isEqualTo(environment.getProperty("maillage.db.url"));

            Api other = new Api(Integer.parseInt(externalEnvironment.getRequiredProperty("local.server.port")));
            String token = platformAdmin();
            Api.Reply read = other.get("/api/networks/" + slug).token(token).send();
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("name").asString()).isEqualTo("Réseau partagé");
        }
        assertThat(api.get("/api/networks/" + slug).token(platformAdmin()).send().status())
                .as("closing the other application leaves the shared server running").isEqualTo(200);
    }
}
