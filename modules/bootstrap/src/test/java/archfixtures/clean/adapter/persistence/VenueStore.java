package archfixtures.clean.adapter.persistence;

import archfixtures.clean.application.venue.port.in.VenueCriteria;
import archfixtures.clean.application.venue.port.out.LoadVenuesPort;
import archfixtures.clean.application.venue.port.out.SaveVenuePort;
import archfixtures.clean.domain.venue.Venue;
import jakarta.persistence.EntityManager;
import java.util.List;

/** JPA is allowed here. */
public class VenueStore implements SaveVenuePort, LoadVenuesPort {

    EntityManager entityManager;

    @Override
    public Venue save(Venue venue) {
        return venue;
    }

    @Override
    public List<Venue> load(VenueCriteria criteria) {
        return List.of();
    }
}
