package archfixtures.broken.application.port.out;

/** An outbound port not named *Port. */
public interface NetworkRepository {

    void save(String slug);
}
