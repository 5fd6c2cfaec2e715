package archfixtures.broken.adapter.rest;

import jakarta.persistence.EntityManager;

public class RestUsingJpa {

    EntityManager entityManager;
}
