package archfixtures.broken;

import archfixtures.broken.bootstrap.BrokenWiring;

/** The application class: allowed to reference the wiring. */
public class BrokenApplication {

    BrokenWiring wiring = new BrokenWiring();
}
