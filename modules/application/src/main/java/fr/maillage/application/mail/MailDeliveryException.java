package fr.maillage.application.mail;

/**
 * A mail could not be sent. {@code permanent}: retrying cannot help (unknown template, missing value, unknown
 * attachment kind, address refused); the mail is marked FAILED at once. Otherwise (SMTP server down, timeout) it is
 * retried with backoff. The message must carry no personal data: it is stored as the mail's last error and logged.
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
