package archfixtures.broken.adapter.rest;

import archfixtures.broken.adapter.persistence.NetworkPersistenceAdapter;

public class RestUsingPersistenceAdapter {

    NetworkPersistenceAdapter networks;
}
