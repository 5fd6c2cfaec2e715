package archfixtures.clean.application.venue.port.in;

import archfixtures.clean.domain.venue.Venue;

public interface RegisterVenueUseCase {

    Venue registerVenue(RegisterVenueCommand command);
}
