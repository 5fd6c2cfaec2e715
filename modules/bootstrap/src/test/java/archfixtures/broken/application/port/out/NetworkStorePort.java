package archfixtures.broken.application.port.out;

/** Named like a port, but a class rather than an interface. */
public abstract class NetworkStorePort {

    public abstract void save(String slug);
}
