package fr.maillage.application.mail;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Produces the files of one {@linkplain AttachmentRef#kind() kind} of attachment. Modules that attach files to
 * mails register an implementation as a bean (the invoices module: {@code "invoice-pdf"}). The relay calls
 * {@link #fetch} inside the tenant transaction of the mail's network, so the implementation reads through the
 * ordinary tenant-scoped ports.
 */
public interface AttachmentSource {

    /** The kind this source serves, as in {@link AttachmentRef#kind()}. */
    String kind();

    /**
     * The file for {@code id} in the current network, or empty if there is none (the mail then fails and is
     * retried, then marked FAILED).
     */
    Optional<Attachment> fetch(UUID id);

    /** A file: its content, its name as the recipient sees it and its media type (e.g. {@code application/pdf}). */
    record Attachment(byte[] content, String filename, String mediaType) {

        public Attachment {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }
}
