package archfixtures.clean.adapter.stripe;

import com.stripe.fixture.StripeClient;

/** The Stripe SDK is allowed here. */
public class StripeVenueBilling {

    StripeClient stripe;
}
