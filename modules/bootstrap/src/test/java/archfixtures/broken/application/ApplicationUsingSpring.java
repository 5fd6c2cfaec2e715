package archfixtures.broken.application;

import org.springframework.stereotype.Service;

@Service
public class ApplicationUsingSpring {
}
