package fr.maillage.application.mail;

import java.util.List;

/**
 * The codes of the mail templates and attachment kinds, with the values each template needs (every one is
 * required; amounts and dates already formatted as people read them: "120,00 €", "22/11/2026"). See
 * docs/architecture.md, "Outgoing mails".
 */
public final class MailTemplates {

    /** The receipt of a payment that settles an invoice; attach {@link #INVOICE_PDF}. */
    public static final String PAYMENT_RECEIPT = "payment-receipt";
    public static final List<String> PAYMENT_RECEIPT_VALUES =
            List.of("networkName", "operatorName", "offerName", "invoiceNumber", "amount", "paidOn");

    /** An online payment that failed (e.g. a SEPA debit refused). */
    public static final String PAYMENT_FAILED = "payment-failed";
    public static final List<String> PAYMENT_FAILED_VALUES =
            List.of("networkName", "operatorName", "offerName", "amount", "failedOn");

    /** The attachment kind of an invoice's (or credit note's) Factur-X PDF; the id is the invoice's. */
    public static final String INVOICE_PDF = "invoice-pdf";

    private MailTemplates() {
    }
}
