package archfixtures.broken.application;

import jakarta.mail.Transport;

public class ApplicationUsingMail {

    Transport transport;
}
