package archfixtures.broken.application.port.in;

/** Named like a command, but a mutable class rather than a record. */
public class ArchiveNetworkCommand {

    String slug;
}
