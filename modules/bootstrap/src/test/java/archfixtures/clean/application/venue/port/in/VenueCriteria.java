package archfixtures.clean.application.venue.port.in;

public record VenueCriteria(String nameContains) {
}
