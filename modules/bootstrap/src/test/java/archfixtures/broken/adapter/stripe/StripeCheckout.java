package archfixtures.broken.adapter.stripe;

import com.stripe.fixture.StripeClient;

/** Compliant: the Stripe SDK belongs in the Stripe adapter. */
public class StripeCheckout {

    StripeClient stripe;
}
