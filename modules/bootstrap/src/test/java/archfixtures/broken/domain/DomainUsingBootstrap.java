package archfixtures.broken.domain;

import archfixtures.broken.bootstrap.BrokenWiring;

public class DomainUsingBootstrap {

    BrokenWiring wiring = new BrokenWiring();
}
