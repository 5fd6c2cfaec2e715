package archfixtures.clean.application.venue.port.in;

import archfixtures.clean.domain.venue.Venue;
import java.util.List;

public interface FindVenuesQuery {

    List<Venue> findVenues(VenueCriteria criteria);
}
