package fr.maillage.adapter.mail;

import fr.maillage.application.mail.AttachmentSource.Attachment;
import fr.maillage.application.mail.MailDeliveryException;
import fr.maillage.application.mail.QueuedMail;
import fr.maillage.application.mail.port.out.MailTransportPort;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mails over SMTP with Spring Boot's {@link JavaMailSender} ({@code spring.mail.host},
 * {@code spring.mail.port}, {@code spring.mail.username}, ...), from {@code maillage.mail.from}. Each mail has a
 * plain-text and an HTML part and its attachments, and a {@code Message-ID} derived from the outbox id (a mail sent
 * again after a crash carries the same one). Without {@code spring.mail.host} there is no sender: {@link #configured}
 * is false, the relay sends nothing and mails wait in the outbox (said once at start). Error messages are stored and
 * logged: mail addresses are removed from them.
 */
@Component
public class SmtpMailTransport implements MailTransportPort {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailTransport.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

    private final @Nullable JavaMailSender sender;
    private final MailTemplates templates;
    private final InternetAddress from;

    @Autowired
    public SmtpMailTransport(ObjectProvider<JavaMailSender> sender,
            @Value("${maillage.mail.from:Maillage <no-reply@maillage.localhost>}") String from) {
        this(sender.getIfAvailable(), from);
    }

    /** A transport on the given sender ({@code null}: none configured), from the given address. */
    public SmtpMailTransport(@Nullable JavaMailSender sender, String from) {
        this.sender = sender;
        this.templates = new MailTemplates();
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("maillage.mail.from is not a mail address", e);
        }
        if (this.sender == null) {
            LOG.warn("No mail server configured (spring.mail.host): mails are kept in the outbox (PENDING) and sent "
                    + "once one is configured");
        } else {
            LOG.info("Mails are sent over SMTP from {}", this.from.getAddress());
        }
    }

    @Override
    public boolean configured() {
        return sender != null;
    }

    @Override
    public void send(QueuedMail mail, List<Attachment> attachments) {
        if (sender == null) {
            throw new MailDeliveryException("no mail server configured", false);
        }
        MailTemplates.Rendered rendered = templates.render(mail.mail());
        MimeMessage message;
        try {
            message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient(mail));
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            for (Attachment file : attachments) {
                helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.mediaType());
            }
            message.saveChanges();
            message.setHeader("Message-ID", "<" + mail.id() + "@" + domain() + ">");
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailDeliveryException("mail could not be built: " + clean(e), true, e);
        }
        try {
            sender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw new MailDeliveryException("mail could not be built: " + clean(e), true, e);
        } catch (MailSendException e) {
            throw new MailDeliveryException("SMTP: " + clean(e), refused(e), e);
        } catch (MailAuthenticationException e) {
            throw new MailDeliveryException("SMTP authentication failed", false, e);
        } catch (MailException e) {
            throw new MailDeliveryException("SMTP: " + clean(e), false, e);
        }
    }

    private InternetAddress recipient(QueuedMail mail) throws UnsupportedEncodingException {
        try {
            InternetAddress to = new InternetAddress(mail.mail().recipientEmail(), true);
            String name = mail.mail().recipientName();
            return name == null || name.isBlank() ? to : new InternetAddress(to.getAddress(), name, "UTF-8");
        } catch (jakarta.mail.internet.AddressException e) {
            throw new MailDeliveryException("the recipient address is not valid", true);
        }
    }

    private String domain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /** The server refused the recipient (every failed address is invalid): retrying will not help. */
    private static boolean refused(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            if (failure instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0
                    && (sfe.getValidUnsentAddresses() == null || sfe.getValidUnsentAddresses().length == 0)) {
                return true;
            }
        }
        return false;
    }

    /** The exception's kind and message, with its root cause, without mail addresses, at most 300 characters. */
    static String clean(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage())
                : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage()
                        + ")";
        String cleaned = ADDRESS.matcher(message).replaceAll("<address>").replaceAll("\\s+", " ").strip();
        return cleaned.length() > 300 ? cleaned.substring(0, 300) : cleaned;
    }
}
