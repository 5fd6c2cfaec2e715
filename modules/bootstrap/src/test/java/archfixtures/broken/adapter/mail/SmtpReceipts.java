package archfixtures.broken.adapter.mail;

import jakarta.mail.Session;

public class SmtpReceipts {

    Session session;
}
