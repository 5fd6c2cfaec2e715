package archfixtures.clean.application.venue;

import archfixtures.clean.application.venue.port.in.FindVenuesQuery;
import archfixtures.clean.application.venue.port.in.RegisterVenueCommand;
import archfixtures.clean.application.venue.port.in.RegisterVenueUseCase;
import archfixtures.clean.application.venue.port.in.VenueCriteria;
import archfixtures.clean.application.venue.port.out.LoadVenuesPort;
import archfixtures.clean.application.venue.port.out.SaveVenuePort;
import archfixtures.clean.domain.venue.Venue;
import java.util.List;

public class VenueService implements RegisterVenueUseCase, FindVenuesQuery {

    private final SaveVenuePort save;
    private final LoadVenuesPort load;

    public VenueService(SaveVenuePort save, LoadVenuesPort load) {
        this.save = save;
        this.load = load;
    }

    @Override
    public Venue registerVenue(RegisterVenueCommand command) {
        return save.save(new Venue(command.name(), null));
    }

    @Override
    public List<Venue> findVenues(VenueCriteria criteria) {
        return load.load(criteria);
    }
}
