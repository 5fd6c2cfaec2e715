package archfixtures.clean.bootstrap;

import archfixtures.clean.adapter.keycloak.KeycloakVenueAccounts;
import archfixtures.clean.adapter.persistence.VenueStore;
import archfixtures.clean.adapter.rest.VenueController;
import archfixtures.clean.adapter.stripe.StripeVenueBilling;
import archfixtures.clean.application.venue.VenueService;

/** The wiring may depend on everything. */
public class CleanWiring {

    VenueController controller() {
        VenueStore store = new VenueStore();
        return new VenueController(new VenueService(store, store));
    }

    StripeVenueBilling billing() {
        return new StripeVenueBilling();
    }

    KeycloakVenueAccounts accounts() {
        return new KeycloakVenueAccounts();
    }
}
