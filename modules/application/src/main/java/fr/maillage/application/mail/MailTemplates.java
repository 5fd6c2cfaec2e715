package fr.maillage.application.mail;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private MailTemplates() {
    }

    /**
     * An amount as the mails show it: "1\u00a0234,50\u00a0€" (French grouping and decimal comma, a no-break space
     * before the sign, so that the amount never breaks across lines).
     */
    public static String amount(long cents) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return format.format(BigDecimal.valueOf(cents, 2)) + "\u00a0€";
    }

    /** An amount in the mail's language: "1 234,50 €" in French, "€1,234.50" in English. */
    public static String amount(long cents, String language) {
        if (!"en".equals(language)) {
            return amount(cents);
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return "€" + format.format(BigDecimal.valueOf(cents, 2));
    }

    /** A date as the mails show it: "22/11/2026". */
    public static String date(LocalDate day) {
        return FRENCH_DATE.format(day);
    }
}
