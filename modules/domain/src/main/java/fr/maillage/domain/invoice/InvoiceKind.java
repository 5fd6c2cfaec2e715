package fr.maillage.domain.invoice;

/** An invoice, or a credit note that corrects (part of) an invoice. Both share the operator's series. */
public enum InvoiceKind {
    INVOICE, CREDIT_NOTE
}
