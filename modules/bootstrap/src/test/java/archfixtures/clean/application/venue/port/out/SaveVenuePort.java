package archfixtures.clean.application.venue.port.out;

import archfixtures.clean.domain.venue.Venue;

public interface SaveVenuePort {

    Venue save(Venue venue);
}
