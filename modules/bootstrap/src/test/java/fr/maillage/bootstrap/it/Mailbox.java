package fr.maillage.bootstrap.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.maillage.adapter.mail.SmtpMailTransport;
import fr.maillage.application.mail.AttachmentSource;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.mail.relay.MailRelay;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server for the end-to-end tests of mails (GreenMail, on a free port of its own per test) and the outbox
 * relays that send to it. The application's scheduled relay is off in the tests and has no SMTP server: a test builds
 * the relay an app instance would build ({@link MailRelay} on the application's own outbox, transactions and
 * attachment sources), pointed at this server, and runs it when it wants.
 */
final class Mailbox implements AutoCloseable {

    static final String FROM = "Maillage <no-reply@maillage.test>";

    private final int port;
    private GreenMail server;

    private Mailbox(int port) {
        this.port = port;
        this.server = start(port);
    }

    /** A server on a free port. */
    static Mailbox open() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Mailbox(port);
    }

    int port() {
        return port;
    }

    /** Stops the server (the port stays this mailbox's: {@link #restart()} listens on it again). */
    void stop() {
        server.stop();
    }

    void restart() {
        server = start(port);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A relay sending to this server, with the attachment sources given, at most {@code maxAttempts} attempts. */
    MailRelay relay(OutboxRelayPort outbox, LoadNetworkPort networks, UnitOfWorkPort unitOfWork,
            List<AttachmentSource> sources, int maxAttempts) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(properties);
        return new MailRelay(outbox, new SmtpMailTransport(sender, FROM), networks, unitOfWork, sources,
                new MailRelay.Settings(maxAttempts, Duration.ofMinutes(1), Duration.ofHours(6), 500));
    }

    /** Every mail the server received so far. */
    List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
    }

    List<MimeMessage> receivedAt(String domain) {
        return received().stream().filter(m -> recipient(m).endsWith("@" + domain)).toList();
    }

    static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The leaves of a MIME tree: text, HTML and attachments. */
    static List<Part> leaves(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            found.add(part);
        }
        return found;
    }

    static String fileName(Part p) {
        try {
            return p.getFileName();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String contentType(Part p) {
        try {
            return p.getContentType().toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
