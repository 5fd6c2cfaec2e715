package fr.maillage.application.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mail to send, as the business transaction asks for it: the recipient, the language of the template ({@code fr}
 * or {@code en}; French for anything else), the template's code (e.g. {@code "payment-receipt"}), the values the
 * template uses, the files to attach, and an optional deduplication key (unique per network: a second
 * {@link fr.maillage.application.mail.port.out.OutboxPort#enqueue} with the same key is ignored). Values are
 * rendered as text (HTML-escaped in the HTML part); they go to the mail only, never to the logs.
 */
public record OutgoingMail(
        String recipientEmail,
        @Nullable String recipientName,
        String language,
        String templateCode,
        Map<String, String> values,
        List<AttachmentRef> attachments,
        @Nullable String dedupKey) {

    public OutgoingMail {
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(templateCode, "templateCode");
        if (recipientEmail.isBlank() || recipientEmail.length() > 320 || !recipientEmail.contains("@")) {
            throw new IllegalArgumentException("recipient email is not an address");
        }
        if (templateCode.isBlank() || templateCode.length() > 60) {
            throw new IllegalArgumentException("template code must have 1 to 60 characters");
        }
        if (dedupKey != null && (dedupKey.isBlank() || dedupKey.length() > 200)) {
            throw new IllegalArgumentException("dedup key must have 1 to 200 characters");
        }
        language = "en".equalsIgnoreCase(language) ? "en" : "fr";
        values = Map.copyOf(values);
        attachments = List.copyOf(attachments);
    }

    /** A mail without attachments. */
    public static OutgoingMail of(String recipientEmail, @Nullable String recipientName, String language,
            String templateCode, Map<String, String> values, @Nullable String dedupKey) {
        return new OutgoingMail(recipientEmail, recipientName, language, templateCode, values, List.of(), dedupKey);
    }
}
