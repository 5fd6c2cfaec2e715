package fr.maillage.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.operator.VatRegime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The FEC: 18 columns, balanced entries numbered per journal, credit notes reversed, cash apart from the bank. */
class FecTest {

    @Test
    void sales_credit_notes_and_settlements_make_balanced_entries() {
        Invoice invoice = InvoiceTest.issued(Instant.parse("2026-03-02T10:00:00Z"), 1, 1, InvoiceChain.GENESIS);
        Invoice credit = Invoice.draft(UUID.randomUUID(), invoice.network(), invoice.operator(), InvoiceKind.CREDIT_NOTE,
                Instant.parse("2026-03-04T10:00:00Z"), InvoiceTest.PARIS, null, null, invoice.seller(),
                invoice.buyer(), invoice.member(), invoice.membership(),
                List.of(InvoiceLine.of(1, "Avoir", 1, 6_000, VatRate.STANDARD)),
                new VatRegime.Liable(List.of(VatRate.STANDARD)), new Invoice.Credited(invoice.id(), invoice.number()),
                "Remboursement").issue(new InvoiceNumber(InvoiceTest.PREFIX, 2026, 2), 2, invoice.hash());
        Settlement cash = new Settlement(UUID.randomUUID(), invoice.id(), invoice.number(), "Camille Martin",
                invoice.member().value(), UUID.randomUUID(), PaymentMethod.CASH, null, 2_000,
                LocalDate.of(2026, 3, 2), Instant.parse("2026-03-02T10:05:00Z"));
        Settlement cheque = new Settlement(UUID.randomUUID(), invoice.id(), invoice.number(), "Camille Martin",
                invoice.member().value(), UUID.randomUUID(), PaymentMethod.CHEQUE, "0001234", 4_000,
                LocalDate.of(2026, 3, 3), Instant.parse("2026-03-03T10:05:00Z"));

        List<Fec.Line> lines = Fec.lines(List.of(credit, invoice), List.of(cheque, cash));
        assertThat(lines).allSatisfy(l -> assertThat(l.cells()).hasSize(18));
        assertThat(Fec.COLUMNS).hasSize(18);
        assertThat(lines).extracting(l -> l.cells().get(2)).containsExactly(
                "CA000001", "CA000001", "VT000001", "VT000001", "VT000001", "BQ000001", "BQ000001",
                "VT000002", "VT000002", "VT000002");
        Map<String, BigDecimal[]> byEntry = lines.stream().collect(Collectors.toMap(l -> l.cells().get(2),
                l -> new BigDecimal[] {amount(l.cells().get(11)), amount(l.cells().get(12))},
                (x, y) -> new BigDecimal[] {x[0].add(y[0]), x[1].add(y[1])}));
        byEntry.forEach((number, sums) -> assertThat(sums[0]).as(number).isEqualByComparingTo(sums[1]));
        // the invoice: 411 debit 120,00; 706 credit 100,00; 44571 credit 20,00
        assertThat(lines.get(2).cells().subList(4, 7)).containsExactly("411000", "Clients",
                Fec.auxiliary(invoice.member().value()));
        assertThat(lines.get(2).cells().subList(11, 13)).containsExactly("120,00", "0,00");
        assertThat(lines.get(3).cells().subList(11, 13)).containsExactly("0,00", "100,00");
        assertThat(lines.get(4).cells().get(4)).isEqualTo("445710");
        assertThat(lines.get(4).cells().subList(11, 13)).containsExactly("0,00", "20,00");
        // the credit note: reversed, 60,00 = 50,00 + 10,00
        assertThat(lines.get(7).cells().subList(11, 13)).containsExactly("0,00", "60,00");
        assertThat(lines.get(8).cells().subList(11, 13)).containsExactly("50,00", "0,00");
        assertThat(lines.get(0).cells().get(4)).isEqualTo("530000");
        assertThat(lines.get(5).cells().get(4)).isEqualTo("512000");
        assertThat(lines.get(5).cells().get(10)).isEqualTo("Règlement CCS-2026-000001 chèque 0001234");
        assertThat(lines.get(2).cells().get(8)).isEqualTo("CCS-2026-000001");
        assertThat(lines.get(2).cells().get(3)).isEqualTo("20260302");
        assertThat(Fec.filename("732829320", LocalDate.of(2026, 12, 31))).isEqualTo("732829320FEC20261231.txt");
    }

    @Test
    void a_refund_credits_the_cash_or_the_bank_and_debits_the_customer() {
        Invoice invoice = InvoiceTest.issued(Instant.parse("2026-03-02T10:00:00Z"), 1, 1, InvoiceChain.GENESIS);
        Invoice credit = Invoice.draft(UUID.randomUUID(), invoice.network(), invoice.operator(), InvoiceKind.CREDIT_NOTE,
                Instant.parse("2026-03-04T10:00:00Z"), InvoiceTest.PARIS, null, null, invoice.seller(),
                invoice.buyer(), invoice.member(), invoice.membership(),
                List.of(InvoiceLine.of(1, "Avoir", 1, 2_000, VatRate.STANDARD)),
                new VatRegime.Liable(List.of(VatRate.STANDARD)), new Invoice.Credited(invoice.id(), invoice.number()),
                "Remboursement").issue(new InvoiceNumber(InvoiceTest.PREFIX, 2026, 2), 2, invoice.hash());
        Settlement refund = new Settlement(UUID.randomUUID(), credit.id(), credit.number(), "Camille Martin",
                invoice.member().value(), UUID.randomUUID(), PaymentMethod.CASH, "espèces", 2_000,
                LocalDate.of(2026, 3, 4), Instant.parse("2026-03-04T10:05:00Z"), true);

        List<Fec.Line> lines = Fec.lines(List.of(credit), List.of(refund));

        assertThat(lines).extracting(l -> l.cells().get(2)).containsExactly("CA000001", "CA000001", "VT000001",
                "VT000001", "VT000001");
        assertThat(lines.get(0).cells().get(4)).isEqualTo("530000");
        assertThat(lines.get(0).cells().subList(11, 13)).as("cash out").containsExactly("0,00", "20,00");
        assertThat(lines.get(1).cells().get(4)).isEqualTo("411000");
        assertThat(lines.get(1).cells().subList(11, 13)).as("the customer's credit used up")
                .containsExactly("20,00", "0,00");
        assertThat(lines.get(0).cells().get(10)).isEqualTo("Remboursement CCS-2026-000002 espèces");
        // Over the credit note and its refund, the customer's account is back to zero.
        BigDecimal customer = lines.stream().filter(l -> l.cells().get(4).equals("411000"))
                .map(l -> amount(l.cells().get(11)).subtract(amount(l.cells().get(12))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(customer).isEqualByComparingTo("0");
    }

    private static BigDecimal amount(String cell) {
        return new BigDecimal(cell.replace(',', '.'));
    }
}
