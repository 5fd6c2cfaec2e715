package fr.maillage.application.invoice;

import fr.maillage.application.mail.AttachmentSource;
import java.util.Optional;
import java.util.UUID;

/** The Factur-X PDF of an invoice or credit note, attached to mails (kind {@value InvoicingService#INVOICE_PDF}). */
public final class InvoicePdfAttachments implements AttachmentSource {

    private final InvoicingService invoicing;

    public InvoicePdfAttachments(InvoicingService invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public String kind() {
        return InvoicingService.INVOICE_PDF;
    }

    @Override
    public Optional<Attachment> fetch(UUID id) {
        return invoicing.attachment(id);
    }
}
