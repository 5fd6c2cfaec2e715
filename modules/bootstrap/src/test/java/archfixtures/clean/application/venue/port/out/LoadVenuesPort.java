package archfixtures.clean.application.venue.port.out;

import archfixtures.clean.application.venue.port.in.VenueCriteria;
import archfixtures.clean.domain.venue.Venue;
import java.util.List;

public interface LoadVenuesPort {

    List<Venue> load(VenueCriteria criteria);
}
