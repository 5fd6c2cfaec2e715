package fr.maillage.adapter.facturx;

import fr.maillage.domain.invoice.Amounts;
import fr.maillage.domain.invoice.Buyer;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.shared.PostalAddress;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The printed face of an invoice or credit note, as XSL-FO for Apache FOP: what a member, an accountant or a tax
 * inspector reads, in French, with every mention French law asks of an invoice (seller with SIREN and address,
 * buyer, number, issue date, period of service, lines with unit prices excluding VAT, VAT per rate or the exemption
 * mention, totals, payment terms and due date, and for business buyers the late-payment penalties and the 40 €
 * recovery fee). Drawn only from the issued document, so the PDF never says anything the document does not: its
 * settlement (paid, due) is not printed, since a document is printed the same every time.
 */
final class InvoiceLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final String FONT = "SourceSansPro";
    private static final String LINE = "0.5pt solid #9aa5b1";

    private InvoiceLayout() {
    }

    /** The XSL-FO document of {@code invoice}. */
    static String fo(Invoice invoice) {
        boolean credit = invoice.isCreditNote();
        StringBuilder fo = new StringBuilder(8_192);
        fo.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="fr" font-family="%s" font-size="9.5pt"
                    color="#1f2933">
                  <fo:layout-master-set>
                    <fo:simple-page-master master-name="A4" page-height="297mm" page-width="210mm"
                        margin-top="16mm" margin-bottom="12mm" margin-left="18mm" margin-right="18mm">
                      <fo:region-body margin-bottom="16mm"/>
                      <fo:region-after extent="12mm"/>
                    </fo:simple-page-master>
                  </fo:layout-master-set>
                  <fo:declarations>
                    <x:xmpmeta xmlns:x="adobe:ns:meta/">
                      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                          <dc:title>%s</dc:title>
                          <dc:creator>%s</dc:creator>
                        </rdf:Description>
                      </rdf:RDF>
                    </x:xmpmeta>
                  </fo:declarations>
                  <fo:page-sequence master-reference="A4">
                    <fo:static-content flow-name="xsl-region-after">
                      <fo:block font-size="7.5pt" color="#52606d" border-top="%s" padding-top="2mm">
                        %s · SIREN %s · %s — %s n° %s — page <fo:page-number/>/<fo:page-number-citation-last ref-id="end"/>
                      </fo:block>
                      <fo:block font-size="7pt" color="#7b8794">Document Factur-X (EN 16931) : les données structurées de ce document sont jointes au PDF (factur-x.xml).</fo:block>
                    </fo:static-content>
                    <fo:flow flow-name="xsl-region-body">
                """.formatted(FONT, x(title(invoice)), x(invoice.seller().legalName()), LINE,
                x(invoice.seller().legalName()), x(invoice.seller().siren().formatted()),
                x(oneLine(invoice.seller().address())), credit ? "Avoir" : "Facture", x(invoice.number().value())));

        // Seller (left) and the document's title, number and dates (right).
        fo.append("""
                <fo:table table-layout="fixed" width="100%"><fo:table-column column-width="58%"/>
                <fo:table-column column-width="42%"/><fo:table-body><fo:table-row>
                <fo:table-cell><fo:block font-size="12pt" font-weight="bold">""").append(x(invoice.seller().legalName()))
                .append("</fo:block>");
        address(fo, invoice.seller().address());
        fo.append("<fo:block>SIREN ").append(x(invoice.seller().siren().formatted())).append("</fo:block>");
        if (invoice.amounts().vat().stream().anyMatch(v -> v.rate() != null)) {
            fo.append("<fo:block>N° TVA intracommunautaire : ")
                    .append(x(CrossIndustryInvoiceXml.vatNumber(invoice.seller().siren()))).append("</fo:block>");
        }
        fo.append("""
                </fo:table-cell><fo:table-cell text-align="right">
                <fo:block font-size="20pt" font-weight="bold" color="#0b6e4f">""").append(credit ? "AVOIR" : "FACTURE")
                .append("</fo:block><fo:block font-size=\"11pt\" font-weight=\"bold\">N° ").append(x(invoice.number().value()))
                .append("</fo:block>");
        fo.append(keyValue("Date d’émission", date(invoice.issueDate())));
        if (invoice.credits() != null) {
            fo.append(keyValue("Sur la facture", invoice.credits().number().value()));
        }
        fo.append("</fo:table-cell></fo:table-row></fo:table-body></fo:table>");

        // Buyer.
        Buyer buyer = invoice.buyer();
        fo.append("""
                <fo:table table-layout="fixed" width="100%%" margin-top="8mm"><fo:table-column column-width="52%%"/>
                <fo:table-column column-width="48%%"/><fo:table-body><fo:table-row><fo:table-cell><fo:block/>
                </fo:table-cell><fo:table-cell padding="3mm" border="%s" background-color="#f5f7fa">
                <fo:block font-size="8pt" color="#52606d">%s</fo:block>
                """.formatted(LINE, credit ? "Avoir établi pour" : "Facturé à"));
        if (buyer.company() != null) {
            fo.append("<fo:block font-weight=\"bold\">").append(x(buyer.company())).append("</fo:block>")
                    .append("<fo:block>à l’attention de ").append(x(buyer.name())).append("</fo:block>");
        } else {
            fo.append("<fo:block font-weight=\"bold\">").append(x(buyer.name())).append("</fo:block>");
        }
        if (buyer.address() != null) {
            address(fo, buyer.address());
        }
        fo.append("</fo:table-cell></fo:table-row></fo:table-body></fo:table>");

        // What it is for.
        if (invoice.serviceFrom().equals(invoice.serviceUntil())) {
            fo.append("<fo:block margin-top=\"8mm\">Date de la prestation : le ").append(date(invoice.serviceFrom()))
                    .append("</fo:block>");
        } else {
            fo.append("<fo:block margin-top=\"8mm\">Période de la prestation : du ")
                    .append(date(invoice.serviceFrom())).append(" au ").append(date(invoice.serviceUntil()))
                    .append("</fo:block>");
        }
        if (invoice.reason() != null) {
            fo.append("<fo:block>Motif : ").append(x(invoice.reason())).append("</fo:block>");
        }

        // Lines.
        fo.append("""
                <fo:table table-layout="fixed" width="100%" margin-top="4mm" border-bottom="LINE">
                <fo:table-column column-width="44%"/><fo:table-column column-width="8%"/>
                <fo:table-column column-width="14%"/><fo:table-column column-width="9%"/>
                <fo:table-column column-width="12%"/><fo:table-column column-width="13%"/>
                <fo:table-header background-color="#0b6e4f" color="#ffffff" font-weight="bold"><fo:table-row>
                """.replace("LINE", LINE));
        for (String[] head : new String[][] {{"Désignation", "left"}, {"Qté", "right"}, {"PU HT", "right"},
                {"TVA", "right"}, {"Total HT", "right"}, {"Total TTC", "right"}}) {
            fo.append("<fo:table-cell padding=\"1.5mm\"><fo:block text-align=\"").append(head[1]).append("\">")
                    .append(head[0]).append("</fo:block></fo:table-cell>");
        }
        fo.append("</fo:table-row></fo:table-header><fo:table-body>");
        for (InvoiceLine line : invoice.lines()) {
            fo.append("<fo:table-row border-top=\"").append(LINE).append("\">");
            cell(fo, line.description(), "left");
            cell(fo, Integer.toString(line.quantity()), "right");
            cell(fo, euros(line.unitPriceExclVatCents()), "right");
            cell(fo, rate(line.vatRate()), "right");
            cell(fo, euros(line.netCents()), "right");
            cell(fo, euros(line.grossCents()), "right");
            fo.append("</fo:table-row>");
        }
        fo.append("</fo:table-body></fo:table>");

        // VAT breakdown (left) and totals (right).
        fo.append("""
                <fo:table table-layout="fixed" width="100%" margin-top="5mm"><fo:table-column column-width="55%"/>
                <fo:table-column column-width="45%"/><fo:table-body><fo:table-row><fo:table-cell>""");
        boolean liable = invoice.amounts().vat().stream().anyMatch(v -> v.rate() != null);
        if (liable) {
            fo.append("<fo:block font-weight=\"bold\">Détail de la TVA</fo:block>");
            for (Amounts.VatBreakdown v : invoice.amounts().vat()) {
                fo.append("<fo:block>").append(rate(v.rate())).append(" sur ").append(euros(v.baseCents()))
                        .append(" : ").append(euros(v.vatCents())).append("</fo:block>");
            }
        }
        if (!invoice.vatMention().isBlank()) {
            fo.append("<fo:block margin-top=\"1mm\" font-style=\"italic\">").append(x(invoice.vatMention()))
                    .append("</fo:block>");
        }
        fo.append("</fo:table-cell><fo:table-cell>");
        fo.append(total("Total HT", invoice.amounts().netCents(), false));
        fo.append(total("TVA", invoice.amounts().vatCents(), false));
        fo.append(total(credit ? "Total de l’avoir TTC" : "Total TTC", invoice.amounts().grossCents(), true));
        fo.append("</fo:table-cell></fo:table-row></fo:table-body></fo:table>");

        // Terms.
        fo.append("<fo:block margin-top=\"8mm\" font-weight=\"bold\">Conditions</fo:block>");
        if (!credit) {
            fo.append("<fo:block>Échéance : ").append(date(invoice.dueDate())).append("</fo:block>");
        }
        fo.append("<fo:block>").append(x(invoice.paymentTerms())).append("</fo:block>");
        if (!invoice.latePaymentMention().isBlank()) {
            fo.append("<fo:block>").append(x(invoice.latePaymentMention())).append("</fo:block>");
        }
        fo.append("<fo:block id=\"end\"/></fo:flow></fo:page-sequence></fo:root>");
        return fo.toString();
    }

    /** "Facture CCSB-2026-000042", the PDF's title. */
    static String title(Invoice invoice) {
        return (invoice.isCreditNote() ? "Avoir " : "Facture ") + invoice.number().value();
    }

    private static void address(StringBuilder fo, PostalAddress a) {
        fo.append("<fo:block>").append(x(a.line1())).append("</fo:block>");
        if (a.line2() != null) {
            fo.append("<fo:block>").append(x(a.line2())).append("</fo:block>");
        }
        fo.append("<fo:block>").append(x(a.postalCode() + " " + a.town())).append("</fo:block>");
    }

    private static String oneLine(PostalAddress a) {
        return a.line1() + (a.line2() == null ? "" : ", " + a.line2()) + ", " + a.postalCode() + " " + a.town();
    }

    private static String keyValue(String key, String value) {
        return "<fo:block>" + x(key) + " : " + x(value) + "</fo:block>";
    }

    private static void cell(StringBuilder fo, String text, String align) {
        fo.append("<fo:table-cell padding=\"1.5mm\"><fo:block text-align=\"").append(align).append("\">")
                .append(x(text)).append("</fo:block></fo:table-cell>");
    }

    private static String total(String label, long cents, boolean strong) {
        return "<fo:table table-layout=\"fixed\" width=\"100%\"" + (strong ? " border-top=\"" + LINE
                + "\" font-weight=\"bold\" font-size=\"11pt\"" : "") + "><fo:table-column column-width=\"60%\"/>"
                + "<fo:table-column column-width=\"40%\"/><fo:table-body><fo:table-row><fo:table-cell padding=\"1mm\">"
                + "<fo:block>" + x(label) + "</fo:block></fo:table-cell><fo:table-cell padding=\"1mm\">"
                + "<fo:block text-align=\"right\">" + euros(cents) + "</fo:block></fo:table-cell></fo:table-row>"
                + "</fo:table-body></fo:table>";
    }

    /** "1 234,50 €" (a no-break space groups thousands and comes before the sign). */
    static String euros(long cents) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        return format.format(BigDecimal.valueOf(cents, 2)).replace('\u202f', '\u00a0') + "\u00a0€";
    }

    private static String rate(@Nullable VatRate rate) {
        return rate == null ? "—" : rate.toString().replace(' ', '\u00a0').replace('.', ',');
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** Text as XML character data. */
    static String x(String text) {
        return CrossIndustryInvoiceXml.escape(text);
    }
}
