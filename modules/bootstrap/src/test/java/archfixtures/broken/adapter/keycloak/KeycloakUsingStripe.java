package archfixtures.broken.adapter.keycloak;

import com.stripe.fixture.StripeClient;

public class KeycloakUsingStripe {

    StripeClient stripe;
}
