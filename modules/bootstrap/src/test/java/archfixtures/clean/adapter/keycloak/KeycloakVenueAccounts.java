package archfixtures.clean.adapter.keycloak;

import org.keycloak.fixture.KeycloakAdminClient;

/** The Keycloak SDK is allowed here. */
public class KeycloakVenueAccounts {

    KeycloakAdminClient keycloak;
}
