package fr.maillage.application.mail;

import java.util.Objects;
import java.util.UUID;

/**
 * A file to attach to a mail, fetched when the mail is sent by the {@link AttachmentSource} of that {@code kind}
 * (e.g. {@code "invoice-pdf"} with the invoice's id).
 */
public record AttachmentRef(String kind, UUID id) {

    public AttachmentRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind.isBlank() || kind.length() > 40) {
            throw new IllegalArgumentException("attachment kind must have 1 to 40 characters");
        }
    }
}
