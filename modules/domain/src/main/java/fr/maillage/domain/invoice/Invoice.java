package fr.maillage.domain.invoice;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.VatRegime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice or credit note: never changed once issued (the database refuses it too); a correction is a credit
 * note that references the original. Amounts in integer cents ({@link Amounts} states the rounding rule).
 *
 * <p>The mandatory mentions it carries: the seller (legal name, SIREN/SIRET, address), the buyer (name, company,
 * address if known), the number, the issue date, the dates of the service, the lines with unit prices excluding VAT,
 * the VAT per rate or the mention that replaces it ({@code vatMention}: "TVA non applicable, art. 293 B du CGI" or the
 * exemption's legal basis), the totals, the payment terms with the due date, and for business buyers the late-payment
 * penalties and the 40 € fixed recovery fee ({@link #LATE_PAYMENT_MENTION}).
 *
 * <p>{@code hash} is the SHA-256 of {@link #canonical()}, which covers the content and {@code previousHash}, the hash
 * of the operator's previous document ({@link InvoiceChain#GENESIS} for the first): {@code chainPosition} counts the
 * operator's documents from 1, across years and kinds.
 *
 * @param credits for a credit note, the invoice it corrects
 * @param reason for a credit note, why (cancellation, refund)
 */
public record Invoice(UUID id, NetworkId network, OperatorId operator, InvoiceKind kind, InvoiceNumber number,
        Instant issuedAt, LocalDate issueDate, LocalDate serviceFrom, LocalDate serviceUntil, LocalDate dueDate,
        Seller seller, Buyer buyer, MemberId member, @Nullable MembershipId membership, List<InvoiceLine> lines,
        Amounts amounts, String vatMention, String paymentTerms, String latePaymentMention,
        @Nullable Credited credits, @Nullable String reason, long chainPosition, String previousHash, String hash) {

    /** Payment is due on receipt: memberships are paid at the desk, by transfer or online when sold. */
    public static final String PAYMENT_TERMS = "Paiement à réception, sans escompte pour paiement anticipé";
    /** Printed for business buyers (art. L441-10 and D441-5 of the Code de commerce). */
    public static final String LATE_PAYMENT_MENTION = "En cas de retard de paiement : pénalités au taux de trois fois"
            + " le taux d’intérêt légal, et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 et"
            + " D441-5 du Code de commerce)";

    /** The invoice a credit note corrects. */
    public record Credited(UUID invoice, InvoiceNumber number) {
    }

    public Invoice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(number);
        Objects.requireNonNull(issuedAt);
        Objects.requireNonNull(seller);
        Objects.requireNonNull(buyer);
        Objects.requireNonNull(member);
        Objects.requireNonNull(amounts);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a document has lines");
        }
        if (number.year() != issueDate.getYear()) {
            throw new IllegalArgumentException(number + " issued on " + issueDate);
        }
        if ((kind == InvoiceKind.CREDIT_NOTE) != (credits != null)) {
            throw new IllegalArgumentException("a credit note, and only it, references an invoice");
        }
        if (serviceUntil.isBefore(serviceFrom) || dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("dates");
        }
        if (chainPosition < 1) {
            throw new IllegalArgumentException("chain position " + chainPosition);
        }
    }

    /** What a document is before it is numbered and chained: built by the application, issued by {@link #issue}. */
    public record Draft(UUID id, NetworkId network, OperatorId operator, InvoiceKind kind, Instant issuedAt,
            LocalDate issueDate, LocalDate serviceFrom, LocalDate serviceUntil, Seller seller, Buyer buyer,
            MemberId member, @Nullable MembershipId membership, List<InvoiceLine> lines, String vatMention,
            @Nullable Credited credits, @Nullable String reason) {

        /** Numbers and chains it: {@code number} and {@code position} allocated in the issuing transaction. */
        public Invoice issue(InvoiceNumber number, long position, String previousHash) {
            Invoice unsigned = new Invoice(id, network, operator, kind, number, issuedAt, issueDate, serviceFrom,
                    serviceUntil, issueDate, seller, buyer, member, membership, lines, Amounts.of(lines), vatMention,
                    PAYMENT_TERMS, buyer.isBusiness() ? LATE_PAYMENT_MENTION : "", credits, reason, position,
                    previousHash, "");
            return unsigned.withHash(unsigned.computeHash());
        }
    }

    /**
     * A draft invoice: {@code issuedAt} is truncated to the microsecond (what the database keeps, so that the hash
     * recomputes), the issue date is its date in {@code zone}; lines at the offer's rate, or without VAT (with the
     * regime's mention) when the operator is not liable.
     */
    public static Draft draft(UUID id, NetworkId network, OperatorId operator, InvoiceKind kind, Instant issuedAt,
            ZoneId zone, @Nullable LocalDate serviceFrom, @Nullable LocalDate serviceUntil, Seller seller, Buyer buyer,
            MemberId member, @Nullable MembershipId membership, List<InvoiceLine> lines, VatRegime regime,
            @Nullable Credited credits, @Nullable String reason) {
        Instant at = issuedAt.truncatedTo(ChronoUnit.MICROS);
        LocalDate issueDate = at.atZone(zone).toLocalDate();
        LocalDate from = serviceFrom == null ? issueDate : serviceFrom;
        LocalDate until = serviceUntil == null ? from : serviceUntil;
        return new Draft(id, network, operator, kind, at, issueDate, from, until, seller, buyer, member, membership,
                lines, regime.invoiceMention(), credits, reason);
    }

    private Invoice withHash(String newHash) {
        return new Invoice(id, network, operator, kind, number, issuedAt, issueDate, serviceFrom, serviceUntil,
                dueDate, seller, buyer, member, membership, lines, amounts, vatMention, paymentTerms,
                latePaymentMention, credits, reason, chainPosition, previousHash, newHash);
    }

    public boolean isCreditNote() {
        return kind == InvoiceKind.CREDIT_NOTE;
    }

    public long totalCents() {
        return amounts.grossCents();
    }

    /** The SHA-256 (lower-case hex) of {@link #canonical()}. */
    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The canonical content: one {@code name=value} per line, in a fixed order, values escaped ({@code \\}, {@code \n}),
     * amounts in cents, dates ISO, the instant in UTC with microseconds; the previous hash last. Version-tagged so that
     * a later format can be told apart.
     */
    public String canonical() {
        StringBuilder s = new StringBuilder("maillage-invoice-v1\n");
        field(s, "id", id);
        field(s, "network", network);
        field(s, "operator", operator);
        field(s, "kind", kind);
        field(s, "number", number.value());
        field(s, "issuedAt", issuedAt);
        field(s, "issueDate", issueDate);
        field(s, "serviceFrom", serviceFrom);
        field(s, "serviceUntil", serviceUntil);
        field(s, "dueDate", dueDate);
        field(s, "seller.legalName", seller.legalName());
        field(s, "seller.siren", seller.siren().value());
        field(s, "seller.address", seller.address().oneLine());
        field(s, "buyer.name", buyer.name());
        field(s, "buyer.company", buyer.company());
        field(s, "buyer.address", buyer.address() == null ? null : buyer.address().oneLine());
        field(s, "member", member);
        field(s, "membership", membership);
        for (InvoiceLine l : lines) {
            String p = "line." + l.position() + ".";
            field(s, p + "description", l.description());
            field(s, p + "quantity", l.quantity());
            field(s, p + "unitInclVat", l.unitPriceInclVatCents());
            field(s, p + "unitExclVat", l.unitPriceExclVatCents());
            field(s, p + "vatRate", l.vatRate() == null ? null : l.vatRate().basisPoints());
            field(s, p + "net", l.netCents());
            field(s, p + "gross", l.grossCents());
        }
        for (Amounts.VatBreakdown v : amounts.vat()) {
            String p = "vat." + (v.rate() == null ? "none" : v.rate().basisPoints()) + ".";
            field(s, p + "base", v.baseCents());
            field(s, p + "vat", v.vatCents());
        }
        field(s, "total.net", amounts.netCents());
        field(s, "total.vat", amounts.vatCents());
        field(s, "total.gross", amounts.grossCents());
        field(s, "vatMention", vatMention);
        field(s, "paymentTerms", paymentTerms);
        field(s, "latePaymentMention", latePaymentMention);
        field(s, "credits", credits == null ? null : credits.invoice() + " " + credits.number().value());
        field(s, "reason", reason);
        field(s, "chainPosition", chainPosition);
        field(s, "previousHash", previousHash);
        return s.toString();
    }

    private static void field(StringBuilder s, String name, @Nullable Object value) {
        s.append(name).append('=');
        if (value != null) {
            s.append(value.toString().replace("\\", "\\\\").replace("\n", "\\n"));
        } else {
            s.append("\\0");
        }
        s.append('\n');
    }
}
