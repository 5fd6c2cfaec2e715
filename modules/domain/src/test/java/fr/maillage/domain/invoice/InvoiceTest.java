package fr.maillage.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Amounts from VAT-included prices, numbers, mentions, and the hash chain with its integrity check. */
class InvoiceTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final NetworkId NETWORK = new NetworkId(UUID.randomUUID());
    static final OperatorId OPERATOR = new OperatorId(UUID.randomUUID());
    static final Seller SELLER = new Seller("Communauté de communes du Serrois", Siren.of("732 829 320"),
            new PostalAddress("Place de la Mairie", null, "05700", "Serres"));
    static final InvoicePrefix PREFIX = InvoicePrefix.of("CCS");

    static Invoice.Draft draft(Instant at, Buyer buyer, VatRegime regime, List<InvoiceLine> lines) {
        return Invoice.draft(UUID.randomUUID(), NETWORK, OPERATOR, InvoiceKind.INVOICE, at, PARIS, null, null, SELLER,
                buyer, new MemberId(UUID.randomUUID()), new MembershipId(UUID.randomUUID()), lines, regime, null, null);
    }

    static Invoice issued(Instant at, long sequence, long position, String previous) {
        Invoice.Draft d = draft(at, new Buyer("Camille Martin", null, null), new VatRegime.Liable(List.of(VatRate.STANDARD)),
                List.of(InvoiceLine.of(1, "Carte 10 entrées", 1, 12_000, VatRate.STANDARD)));
        return d.issue(new InvoiceNumber(PREFIX, d.issueDate().getYear(), sequence), position, previous);
    }

    @Test
    void a_price_of_120_euros_at_20_percent_is_100_euros_and_20_of_vat() {
        Amounts a = Amounts.of(List.of(InvoiceLine.of(1, "Abonnement mensuel", 1, 12_000, VatRate.STANDARD)));
        assertThat(a.netCents()).isEqualTo(10_000);
        assertThat(a.vatCents()).isEqualTo(2_000);
        assertThat(a.grossCents()).isEqualTo(12_000);
        assertThat(a.vat()).containsExactly(new Amounts.VatBreakdown(VatRate.STANDARD, 10_000, 2_000));
    }

    @Test
    void rounding_is_half_up_on_the_net_amount_and_the_vat_takes_the_rest() {
        // 10.00 € at 20 %: 8.333.. → 8.33 net, 1.67 VAT; 0.05 € at 5.5 %: 0.0473.. → 0.05 net, 0 VAT
        assertThat(Amounts.net(1_000, VatRate.STANDARD)).isEqualTo(833);
        assertThat(Amounts.net(5, VatRate.REDUCED)).isEqualTo(5);
        // 0.06 € at 20 %: 0.05 exactly → 5 cents (a half rounds up: 0.03 € at 20 % is 2.5 cents → 3)
        assertThat(Amounts.net(6, VatRate.STANDARD)).isEqualTo(5);
        assertThat(Amounts.net(3, VatRate.STANDARD)).isEqualTo(3);
        assertThat(Amounts.net(777, null)).isEqualTo(777);
    }

    @Test
    void totals_always_add_up_to_the_prices_charged_and_vat_is_within_a_cent_of_base_times_rate() {
        Random random = new Random(20260601L);
        List<VatRate> rates = List.of(VatRate.STANDARD, VatRate.INTERMEDIATE, VatRate.REDUCED,
                VatRate.SUPER_REDUCED, new VatRate(850));
        for (int i = 0; i < 5_000; i++) {
            List<InvoiceLine> lines = new ArrayList<>();
            long charged = 0;
            int n = 1 + random.nextInt(4);
            for (int p = 1; p <= n; p++) {
                long price = random.nextInt(200_000);
                int quantity = 1 + random.nextInt(3);
                VatRate rate = random.nextInt(6) == 0 ? null : rates.get(random.nextInt(rates.size()));
                lines.add(InvoiceLine.of(p, "ligne " + p, quantity, price, rate));
                charged += price * quantity;
            }
            Amounts a = Amounts.of(lines);
            assertThat(a.grossCents()).isEqualTo(charged);
            assertThat(a.netCents()).isEqualTo(lines.stream().mapToLong(InvoiceLine::netCents).sum());
            assertThat(a.vat().stream().mapToLong(Amounts.VatBreakdown::vatCents).sum()).isEqualTo(a.vatCents());
            for (Amounts.VatBreakdown v : a.vat()) {
                assertThat(v.vatCents()).isGreaterThanOrEqualTo(0);
                if (v.rate() == null) {
                    assertThat(v.vatCents()).isZero();
                } else {
                    double exact = v.baseCents() * v.rate().basisPoints() / 10_000.0;
                    assertThat(Math.abs(v.vatCents() - exact)).isLessThanOrEqualTo(n * 0.6 + 0.01);
                }
            }
        }
    }

    @Test
    void the_vat_is_the_base_times_the_rate_rounded_half_up_whenever_some_base_gives_the_price() {
        // So an EN 16931 reader that recomputes base x rate finds the same VAT. Some prices have no such base (at
        // 20 %: 0.03 € is 0.02 + 0.00 or 0.03 + 0.01; at 10 %: 11.05 € is 10.04 + 1.00 or 10.05 + 1.01): the price
        // charged wins and the VAT is one cent off base x rate, within the tolerance of Factur-X's BR-CO-17.
        for (VatRate rate : List.of(VatRate.STANDARD, VatRate.INTERMEDIATE, VatRate.REDUCED, VatRate.SUPER_REDUCED)) {
            java.util.Set<Long> reachable = new java.util.HashSet<>();
            for (long base = 0; base <= 60_000; base++) {
                reachable.add(base + (base * rate.basisPoints() + 5_000) / 10_000);
            }
            for (long gross = 0; gross <= 50_000; gross++) {
                long base = Amounts.net(gross, rate);
                long strict = (base * rate.basisPoints() + 5_000) / 10_000;
                if (reachable.contains(gross)) {
                    assertThat(gross - base).as("%d cents at %s", gross, rate).isEqualTo(strict);
                } else {
                    assertThat(Math.abs(gross - base - strict)).as("%d cents at %s", gross, rate).isEqualTo(1);
                }
            }
        }
        Amounts odd = Amounts.of(List.of(InvoiceLine.of(1, "Carte", 1, 1_105, VatRate.INTERMEDIATE)));
        assertThat(odd.netCents()).isEqualTo(1_005);
        assertThat(odd.vatCents()).isEqualTo(100);
    }

    @Test
    void the_number_is_prefix_year_and_six_digits_and_the_year_is_the_networks() {
        assertThat(new InvoiceNumber(PREFIX, 2026, 42).value()).isEqualTo("CCS-2026-000042");
        assertThat(InvoiceNumber.parse("CCS-2026-000042")).isEqualTo(new InvoiceNumber(PREFIX, 2026, 42));
        assertThat(new InvoiceNumber(PREFIX, 2026, 1_234_567).value()).isEqualTo("CCS-2026-1234567");
        // 31 December 2026, 23:30 UTC is already 1 January 2027 in Paris
        Invoice.Draft d = draft(Instant.parse("2026-12-31T23:30:00Z"), new Buyer("A B", null, null),
                new VatRegime.Franchise(), List.of(InvoiceLine.of(1, "Journée", 1, 1_500, null)));
        assertThat(d.issueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> d.issue(new InvoiceNumber(PREFIX, 2026, 1), 1, InvoiceChain.GENESIS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_franchise_carries_its_mention_and_a_business_buyer_the_late_payment_mentions() {
        Invoice.Draft d = draft(Instant.parse("2026-03-02T10:00:00Z"), new Buyer("Camille Martin", "Atelier Bois",
                null), new VatRegime.Franchise(), List.of(InvoiceLine.of(1, "Journée", 1, 1_500, null)));
        Invoice i = d.issue(new InvoiceNumber(PREFIX, 2026, 1), 1, InvoiceChain.GENESIS);
        assertThat(i.vatMention()).isEqualTo("TVA non applicable, art. 293 B du CGI");
        assertThat(i.latePaymentMention()).contains("40 €").contains("pénalités");
        assertThat(i.dueDate()).isEqualTo(i.issueDate());
        assertThat(i.amounts().vatCents()).isZero();
        Invoice person = draft(Instant.parse("2026-03-02T10:00:00Z"), new Buyer("Camille Martin", " ", null),
                new VatRegime.Exempt("Exonération de TVA, art. 261, 7-1° du CGI"),
                List.of(InvoiceLine.of(1, "Journée", 1, 1_500, null)))
                .issue(new InvoiceNumber(PREFIX, 2026, 2), 2, i.hash());
        assertThat(person.latePaymentMention()).isEmpty();
        assertThat(person.vatMention()).isEqualTo("Exonération de TVA, art. 261, 7-1° du CGI");
    }

    @Test
    void a_credit_note_references_the_invoice_it_corrects() {
        Invoice original = issued(Instant.parse("2026-03-02T10:00:00Z"), 1, 1, InvoiceChain.GENESIS);
        assertThatThrownBy(() -> Invoice.draft(UUID.randomUUID(), NETWORK, OPERATOR, InvoiceKind.CREDIT_NOTE,
                Instant.parse("2026-03-03T10:00:00Z"), PARIS, null, null, SELLER, original.buyer(), original.member(),
                original.membership(), original.lines(), new VatRegime.Franchise(), null, "Remboursement")
                .issue(new InvoiceNumber(PREFIX, 2026, 2), 2, original.hash()))
                .isInstanceOf(IllegalArgumentException.class);
        Invoice credit = Invoice.draft(UUID.randomUUID(), NETWORK, OPERATOR, InvoiceKind.CREDIT_NOTE,
                Instant.parse("2026-03-03T10:00:00Z"), PARIS, null, null, SELLER, original.buyer(), original.member(),
                original.membership(), original.lines(), new VatRegime.Liable(List.of(VatRate.STANDARD)),
                new Invoice.Credited(original.id(), original.number()), "Remboursement")
                .issue(new InvoiceNumber(PREFIX, 2026, 2), 2, original.hash());
        assertThat(credit.canonical()).contains("credits=" + original.id() + " CCS-2026-000001");
        assertThat(InvoiceChain.verify(List.of(original, credit)).intact()).isTrue();
    }

    @Test
    void the_chain_checks_out_and_names_the_first_broken_link() {
        List<Invoice> chain = new ArrayList<>();
        String previous = InvoiceChain.GENESIS;
        Instant at = Instant.parse("2026-12-31T20:00:00Z");
        for (int i = 1; i <= 6; i++) {
            Instant when = at.plusSeconds(3_600L * i);
            int year = when.atZone(PARIS).getYear();
            long seq = chain.stream().filter(d -> d.number().year() == year).count() + 1;
            Invoice doc = issued(when, seq, i, previous);
            chain.add(doc);
            previous = doc.hash();
        }
        assertThat(chain.get(1).number().value()).isEqualTo("CCS-2026-000002");
        assertThat(chain.get(5).number().value()).isEqualTo("CCS-2027-000004");
        InvoiceChain.Check ok = InvoiceChain.verify(chain);
        assertThat(ok.intact()).isTrue();
        assertThat(ok.checked()).isEqualTo(6);
        assertThat(ok.lastHash()).isEqualTo(chain.get(5).hash());

        // an amount changed in place: its own hash no longer matches
        Invoice third = chain.get(2);
        Invoice altered = new Invoice(third.id(), third.network(), third.operator(), third.kind(), third.number(),
                third.issuedAt(), third.issueDate(), third.serviceFrom(), third.serviceUntil(), third.dueDate(),
                third.seller(), new Buyer("Quelqu’un d’autre", null, null), third.member(), third.membership(),
                third.lines(), third.amounts(), third.vatMention(), third.paymentTerms(), third.latePaymentMention(),
                null, null, third.chainPosition(), third.previousHash(), third.hash());
        List<Invoice> tampered = new ArrayList<>(chain);
        tampered.set(2, altered);
        assertThat(InvoiceChain.verify(tampered).firstBroken())
                .isEqualTo(new InvoiceChain.BrokenLink(3, third.number().value(), InvoiceChain.Problem.HASH_MISMATCH));

        // a document removed: the next one's position does not follow
        List<Invoice> removed = new ArrayList<>(chain);
        removed.remove(3);
        assertThat(InvoiceChain.verify(removed).firstBroken().problem()).isEqualTo(InvoiceChain.Problem.POSITION_GAP);
        assertThat(InvoiceChain.verify(removed).checked()).isEqualTo(3);

        // a document re-hashed after a change: the next one's previous hash no longer matches
        Invoice rehashed = issued(third.issuedAt(), third.number().sequence(), 3, third.previousHash());
        List<Invoice> rewritten = new ArrayList<>(chain);
        rewritten.set(2, rehashed);
        assertThat(InvoiceChain.verify(rewritten).firstBroken())
                .isEqualTo(new InvoiceChain.BrokenLink(4, chain.get(3).number().value(),
                        InvoiceChain.Problem.PREVIOUS_MISMATCH));
    }

    @Test
    void a_skipped_number_is_a_broken_link() {
        Invoice first = issued(Instant.parse("2026-03-02T10:00:00Z"), 1, 1, InvoiceChain.GENESIS);
        Invoice third = issued(Instant.parse("2026-03-02T11:00:00Z"), 3, 2, first.hash());
        assertThat(InvoiceChain.verify(List.of(first, third)).firstBroken().problem())
                .isEqualTo(InvoiceChain.Problem.NUMBER_GAP);
    }
}
