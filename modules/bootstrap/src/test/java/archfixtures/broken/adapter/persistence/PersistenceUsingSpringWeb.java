package archfixtures.broken.adapter.persistence;

import org.springframework.http.HttpStatus;

public class PersistenceUsingSpringWeb {

    HttpStatus statusOnConflict = HttpStatus.CONFLICT;
}
