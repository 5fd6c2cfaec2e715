package archfixtures.clean.adapter.rest;

import archfixtures.clean.application.venue.port.in.RegisterVenueCommand;
import archfixtures.clean.application.venue.port.in.RegisterVenueUseCase;
import org.springframework.http.ResponseEntity;

/** Spring Web is allowed here. */
public class VenueController {

    private final RegisterVenueUseCase registerVenue;

    public VenueController(RegisterVenueUseCase registerVenue) {
        this.registerVenue = registerVenue;
    }

    ResponseEntity<String> register(String name) {
        return ResponseEntity.ok(registerVenue.registerVenue(new RegisterVenueCommand(name)).name());
    }
}
