package archfixtures.broken.domain;

import jakarta.persistence.Entity;

@Entity
public class DomainUsingJpa {
}
