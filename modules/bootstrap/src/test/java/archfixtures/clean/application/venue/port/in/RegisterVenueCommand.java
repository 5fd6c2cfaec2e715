package archfixtures.clean.application.venue.port.in;

public record RegisterVenueCommand(String name) {
}
