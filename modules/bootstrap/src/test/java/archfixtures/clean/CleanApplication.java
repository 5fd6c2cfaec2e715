package archfixtures.clean;

import archfixtures.clean.bootstrap.CleanWiring;

/**
 * A compliant mini-hexagon rooted at {@code archfixtures.clean}: every architecture rule must pass on it. This is its
 * application class, which may reference the wiring.
 */
public class CleanApplication {

    CleanWiring wiring = new CleanWiring();
}
