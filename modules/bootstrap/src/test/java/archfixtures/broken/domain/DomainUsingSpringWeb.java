package archfixtures.broken.domain;

import org.springframework.web.util.HtmlUtils;

public class DomainUsingSpringWeb {

    String displayName(String name) {
        return HtmlUtils.htmlEscape(name);
    }
}
