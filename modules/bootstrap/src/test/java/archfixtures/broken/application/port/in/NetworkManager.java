package archfixtures.broken.application.port.in;

/** An inbound port that does not say whether it changes (UseCase) or reads (Query). */
public interface NetworkManager {

    void createNetwork(String slug);
}
