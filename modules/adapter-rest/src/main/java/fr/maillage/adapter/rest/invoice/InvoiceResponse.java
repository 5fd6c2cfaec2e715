package fr.maillage.adapter.rest.invoice;

import fr.maillage.application.invoice.port.in.InvoicesQuery.InvoiceDetails;
import fr.maillage.domain.invoice.Amounts;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceChain;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An invoice or credit note as issued, with what payments settled and credit notes corrected since. */
record InvoiceResponse(String id, String number, String kind, String operatorId, String memberId,
        @Nullable String membershipId, Instant issuedAt, LocalDate issueDate, LocalDate serviceFrom,
        LocalDate serviceUntil, LocalDate dueDate, Seller seller, Buyer buyer, List<Line> lines, List<Vat> vat,
        long totalExclVatCents, long totalVatCents, long totalInclVatCents, String vatMention, String paymentTerms,
        String latePaymentMention, @Nullable Credited credits, @Nullable String reason, long paidCents,
        long creditedCents, long dueCents, boolean settled, long chainPosition, String previousHash, String hash) {

    record Address(String line1, @Nullable String line2, String postalCode, String town) {

        static @Nullable Address of(@Nullable PostalAddress a) {
            return a == null ? null : new Address(a.line1(), a.line2(), a.postalCode(), a.town());
        }
    }

    record Seller(String legalName, String siren, Address address) {
    }

    record Buyer(String name, @Nullable String company, @Nullable Address address, boolean business) {
    }

    /** {@code vatRate} as a percentage ("20", "5.5"), null without VAT. */
    record Line(int position, String description, int quantity, long unitPriceInclVatCents,
            long unitPriceExclVatCents, @Nullable String vatRate, long netCents, long vatCents, long grossCents) {
    }

    record Vat(@Nullable String rate, long baseCents, long vatCents) {
    }

    record Credited(String id, String number) {
    }

    static InvoiceResponse of(InvoiceDetails d) {
        Invoice i = d.invoice();
        return new InvoiceResponse(i.id().toString(), i.number().value(), i.kind().name(), i.operator().toString(),
                i.member().toString(), i.membership() == null ? null : i.membership().toString(), i.issuedAt(),
                i.issueDate(), i.serviceFrom(), i.serviceUntil(), i.dueDate(),
                new Seller(i.seller().legalName(), i.seller().siren().value(), Address.of(i.seller().address())),
                new Buyer(i.buyer().name(), i.buyer().company(), Address.of(i.buyer().address()),
                        i.buyer().isBusiness()),
                i.lines().stream().map(InvoiceResponse::line).toList(),
                i.amounts().vat().stream().map(InvoiceResponse::vat).toList(), i.amounts().netCents(),
                i.amounts().vatCents(), i.amounts().grossCents(), i.vatMention(), i.paymentTerms(),
                i.latePaymentMention(),
                i.credits() == null ? null : new Credited(i.credits().invoice().toString(),
                        i.credits().number().value()),
                i.reason(), d.paidCents(), d.creditedCents(), d.dueCents(), d.settled(), i.chainPosition(),
                i.previousHash(), i.hash());
    }

    private static Line line(InvoiceLine l) {
        return new Line(l.position(), l.description(), l.quantity(), l.unitPriceInclVatCents(),
                l.unitPriceExclVatCents(), percent(l.vatRate()), l.netCents(), l.vatCents(), l.grossCents());
    }

    private static Vat vat(Amounts.VatBreakdown v) {
        return new Vat(percent(v.rate()), v.baseCents(), v.vatCents());
    }

    static @Nullable String percent(@Nullable VatRate rate) {
        return rate == null ? null
                : java.math.BigDecimal.valueOf(rate.basisPoints(), 2).stripTrailingZeros().toPlainString();
    }

    /** The result of the integrity check of an operator's chain. */
    record IntegrityResponse(String operatorId, boolean intact, int checked, @Nullable String lastHash,
            @Nullable BrokenLink firstBroken) {

        record BrokenLink(long position, String number, String problem) {
        }

        static IntegrityResponse of(String operatorId, InvoiceChain.Check check) {
            InvoiceChain.BrokenLink b = check.firstBroken();
            return new IntegrityResponse(operatorId, check.intact(), check.checked(), check.lastHash(),
                    b == null ? null : new BrokenLink(b.position(), b.number(), b.problem().name()));
        }
    }
}
