package archfixtures.broken.domain;

import org.springframework.util.Assert;

public class DomainUsingSpring {

    DomainUsingSpring(String name) {
        Assert.hasText(name, "name");
    }
}
