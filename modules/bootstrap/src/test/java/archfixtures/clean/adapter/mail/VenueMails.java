package archfixtures.clean.adapter.mail;

import jakarta.mail.Session;

public class VenueMails {

    Session session;
}
