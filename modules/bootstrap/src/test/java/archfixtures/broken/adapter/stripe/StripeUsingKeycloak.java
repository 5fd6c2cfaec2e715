package archfixtures.broken.adapter.stripe;

import org.keycloak.fixture.KeycloakAdminClient;

public class StripeUsingKeycloak {

    KeycloakAdminClient keycloak;
}
