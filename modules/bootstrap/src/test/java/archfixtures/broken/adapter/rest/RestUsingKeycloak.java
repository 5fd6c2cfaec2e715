package archfixtures.broken.adapter.rest;

import org.keycloak.fixture.KeycloakAdminClient;

public class RestUsingKeycloak {

    KeycloakAdminClient keycloak;
}
