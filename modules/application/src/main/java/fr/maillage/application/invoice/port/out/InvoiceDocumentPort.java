package fr.maillage.application.invoice.port.out;

import fr.maillage.application.invoice.port.in.InvoicesQuery.InvoiceDetails;

/** Renders a document as a PDF/A-3 with its EN 16931 (Factur-X) XML embedded. */
public interface InvoiceDocumentPort {

    byte[] pdf(InvoiceDetails document);
}
