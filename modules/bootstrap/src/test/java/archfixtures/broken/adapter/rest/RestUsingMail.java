package archfixtures.broken.adapter.rest;

import org.springframework.mail.MailSender;

public class RestUsingMail {

    MailSender mailSender;
}
