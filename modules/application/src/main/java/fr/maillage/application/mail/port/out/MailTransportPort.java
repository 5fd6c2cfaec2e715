package fr.maillage.application.mail.port.out;

import fr.maillage.application.mail.AttachmentSource.Attachment;
import fr.maillage.application.mail.MailDeliveryException;
import fr.maillage.application.mail.QueuedMail;
import java.util.List;

/** Renders a mail from its template and sends it (SMTP). */
public interface MailTransportPort {

    /** {@code false} when no mail server is configured: the relay then sends nothing and mails stay PENDING. */
    boolean configured();

    /**
     * Renders the mail's template in its language with its values and sends it with the attachments.
     *
     * @throws MailDeliveryException when it was not sent (with no personal data in its message)
     */
    void send(QueuedMail mail, List<Attachment> attachments);
}
