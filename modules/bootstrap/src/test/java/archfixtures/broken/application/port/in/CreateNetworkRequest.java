package archfixtures.broken.application.port.in;

/** An inbound record that is neither a Command nor a Criteria. */
public record CreateNetworkRequest(String slug) {
}
