package fr.maillage.adapter.facturx;

import fr.maillage.domain.invoice.Amounts;
import fr.maillage.domain.invoice.Buyer;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.shared.PostalAddress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The EN 16931 (Factur-X profile EN16931) Cross Industry Invoice XML of a document, written from the document's own
 * amounts: the totals and the VAT breakdown are the ones issued (Maillage's rounding from VAT-included prices), never
 * recomputed by a library. Type 380 for an invoice, 381 for a credit note (amounts positive, with the reference of
 * the invoice it corrects). Without VAT, category E with the mention as exemption reason (VATEX-FR-FRANCHISE for the
 * franchise en base). The seller's VAT number is derived from the SIREN (FR + key + SIREN) when VAT is charged.
 */
final class CrossIndustryInvoiceXml {

    static final String EN16931 = "urn:cen.eu:en16931:2017";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private CrossIndustryInvoiceXml() {
    }

    static String of(Invoice doc) {
        StringBuilder x = new StringBuilder(4096);
        x.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" \
                xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" \
                xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" \
                xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
                <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>""")
                .append(EN16931).append("</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>")
                .append("</rsm:ExchangedDocumentContext>\n<rsm:ExchangedDocument>");
        element(x, "ram:ID", doc.number().value());
        element(x, "ram:TypeCode", doc.isCreditNote() ? "381" : "380");
        x.append("<ram:IssueDateTime>");
        date(x, doc.issueDate());
        x.append("</ram:IssueDateTime>");
        note(x, doc.vatMention(), "AAB");
        note(x, doc.paymentTerms(), "AAB");
        note(x, doc.latePaymentMention(), "PMD");
        note(x, doc.reason() == null ? "" : doc.reason(), "AAI");
        x.append("</rsm:ExchangedDocument>\n<rsm:SupplyChainTradeTransaction>");
        boolean charged = doc.amounts().vatCents() > 0
                || doc.lines().stream().anyMatch(l -> l.vatRate() != null);
        for (InvoiceLine line : doc.lines()) {
            x.append("<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument>");
            element(x, "ram:LineID", Integer.toString(line.position()));
            x.append("</ram:AssociatedDocumentLineDocument><ram:SpecifiedTradeProduct>");
            element(x, "ram:Name", line.description());
            x.append("</ram:SpecifiedTradeProduct><ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>");
            element(x, "ram:ChargeAmount", unitPrice(line));
            x.append("</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>")
                    .append("<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">")
                    .append(line.quantity()).append("</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>")
                    .append("<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>");
            element(x, "ram:TypeCode", "VAT");
            element(x, "ram:CategoryCode", line.vatRate() == null ? "E" : "S");
            element(x, "ram:RateApplicablePercent", percent(line.vatRate() == null ? 0 : line.vatRate().basisPoints()));
            x.append("</ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation>");
            element(x, "ram:LineTotalAmount", money(line.netCents()));
            x.append("</ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>")
                    .append("</ram:IncludedSupplyChainTradeLineItem>\n");
        }
        x.append("<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty>");
        element(x, "ram:Name", doc.seller().legalName());
        x.append("<ram:SpecifiedLegalOrganization>");
        x.append("<ram:ID schemeID=\"0002\">").append(escape(doc.seller().siren().siren())).append("</ram:ID>");
        x.append("</ram:SpecifiedLegalOrganization>");
        address(x, doc.seller().address());
        x.append("<ram:SpecifiedTaxRegistration>");
        if (charged) {
            x.append("<ram:ID schemeID=\"VA\">").append(vatNumber(doc.seller().siren())).append("</ram:ID>");
        } else {
            x.append("<ram:ID schemeID=\"FC\">").append(escape(doc.seller().siren().value())).append("</ram:ID>");
        }
        x.append("</ram:SpecifiedTaxRegistration></ram:SellerTradeParty><ram:BuyerTradeParty>");
        Buyer buyer = doc.buyer();
        element(x, "ram:Name", buyer.isBusiness() ? buyer.company() : buyer.name());
        if (buyer.isBusiness()) {
            x.append("<ram:DefinedTradeContact>");
            element(x, "ram:PersonName", buyer.name());
            x.append("</ram:DefinedTradeContact>");
        }
        address(x, buyer.address());
        x.append("</ram:BuyerTradeParty></ram:ApplicableHeaderTradeAgreement>\n")
                .append("<ram:ApplicableHeaderTradeDelivery/>\n<ram:ApplicableHeaderTradeSettlement>");
        element(x, "ram:InvoiceCurrencyCode", "EUR");
        for (Amounts.VatBreakdown v : doc.amounts().vat()) {
            x.append("<ram:ApplicableTradeTax>");
            element(x, "ram:CalculatedAmount", money(v.vatCents()));
            element(x, "ram:TypeCode", "VAT");
            if (v.rate() == null) {
                element(x, "ram:ExemptionReason", doc.vatMention().isEmpty() ? "Exonération de TVA" : doc.vatMention());
            }
            element(x, "ram:BasisAmount", money(v.baseCents()));
            element(x, "ram:CategoryCode", v.rate() == null ? "E" : "S");
            if (v.rate() == null && doc.vatMention().contains("293 B")) {
                element(x, "ram:ExemptionReasonCode", "VATEX-FR-FRANCHISE");
            }
            element(x, "ram:RateApplicablePercent", percent(v.rate() == null ? 0 : v.rate().basisPoints()));
            x.append("</ram:ApplicableTradeTax>");
        }
        x.append("<ram:BillingSpecifiedPeriod><ram:StartDateTime>");
        date(x, doc.serviceFrom());
        x.append("</ram:StartDateTime><ram:EndDateTime>");
        date(x, doc.serviceUntil());
        x.append("</ram:EndDateTime></ram:BillingSpecifiedPeriod><ram:SpecifiedTradePaymentTerms>");
        element(x, "ram:Description", doc.paymentTerms());
        x.append("<ram:DueDateDateTime>");
        date(x, doc.dueDate());
        x.append("</ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>")
                .append("<ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
        element(x, "ram:LineTotalAmount", money(doc.amounts().netCents()));
        element(x, "ram:TaxBasisTotalAmount", money(doc.amounts().netCents()));
        x.append("<ram:TaxTotalAmount currencyID=\"EUR\">").append(money(doc.amounts().vatCents()))
                .append("</ram:TaxTotalAmount>");
        element(x, "ram:GrandTotalAmount", money(doc.amounts().grossCents()));
        element(x, "ram:DuePayableAmount", money(doc.amounts().grossCents()));
        x.append("</ram:SpecifiedTradeSettlementHeaderMonetarySummation>");
        if (doc.credits() != null) {
            x.append("<ram:InvoiceReferencedDocument>");
            element(x, "ram:IssuerAssignedID", doc.credits().number().value());
            x.append("</ram:InvoiceReferencedDocument>");
        }
        x.append("</ram:ApplicableHeaderTradeSettlement>\n</rsm:SupplyChainTradeTransaction>\n")
                .append("</rsm:CrossIndustryInvoice>\n");
        return x.toString();
    }

    /** The French intra-community VAT number of a company: FR, a two-digit key, the SIREN. */
    static String vatNumber(Siren siren) {
        long number = Long.parseLong(siren.siren());
        long key = (12 + 3 * (number % 97)) % 97;
        return String.format("FR%02d%s", key, siren.siren());
    }

    private static void address(StringBuilder x, @Nullable PostalAddress a) {
        x.append("<ram:PostalTradeAddress>");
        if (a != null) {
            element(x, "ram:PostcodeCode", a.postalCode());
            element(x, "ram:LineOne", a.line1());
            if (a.line2() != null) {
                element(x, "ram:LineTwo", a.line2());
            }
            element(x, "ram:CityName", a.town());
        }
        element(x, "ram:CountryID", "FR");
        x.append("</ram:PostalTradeAddress>");
    }

    private static void note(StringBuilder x, String content, String subject) {
        if (content.isEmpty()) {
            return;
        }
        x.append("<ram:IncludedNote>");
        element(x, "ram:Content", content);
        element(x, "ram:SubjectCode", subject);
        x.append("</ram:IncludedNote>");
    }

    private static void date(StringBuilder x, LocalDate date) {
        x.append("<udt:DateTimeString format=\"102\">").append(DAY.format(date)).append("</udt:DateTimeString>");
    }

    private static void element(StringBuilder x, String name, @Nullable String value) {
        x.append('<').append(name).append('>').append(escape(value == null ? "" : value)).append("</")
                .append(name).append('>');
    }

    /** The net unit price: the line's net amount divided by its quantity (to the cent, or to 4 decimals). */
    private static String unitPrice(InvoiceLine line) {
        BigDecimal net = BigDecimal.valueOf(line.netCents(), 2);
        if (line.netCents() % line.quantity() == 0) {
            return BigDecimal.valueOf(line.netCents() / line.quantity(), 2).toPlainString();
        }
        return net.divide(BigDecimal.valueOf(line.quantity()), 4, RoundingMode.HALF_UP).toPlainString();
    }

    static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString();
    }

    /** Text as XML character data (control characters, which XML 1.0 cannot carry, become spaces). */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
