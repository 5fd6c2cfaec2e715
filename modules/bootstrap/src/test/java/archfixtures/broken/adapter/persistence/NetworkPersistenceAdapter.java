package archfixtures.broken.adapter.persistence;

import jakarta.persistence.EntityManager;

/** Compliant: JPA belongs in the persistence adapter. */
public class NetworkPersistenceAdapter {

    EntityManager entityManager;
}
