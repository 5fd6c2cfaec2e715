package archfixtures.broken.adapter.rest;

import com.stripe.fixture.StripeClient;

public class RestUsingStripe {

    StripeClient stripe;
}
