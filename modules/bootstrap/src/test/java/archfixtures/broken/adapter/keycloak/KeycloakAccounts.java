package archfixtures.broken.adapter.keycloak;

import org.keycloak.fixture.KeycloakAdminClient;

/** Compliant: the Keycloak SDK belongs in the Keycloak adapter. */
public class KeycloakAccounts {

    KeycloakAdminClient keycloak;
}
