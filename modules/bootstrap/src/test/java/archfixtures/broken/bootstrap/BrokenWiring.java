package archfixtures.broken.bootstrap;

public class BrokenWiring {
}
