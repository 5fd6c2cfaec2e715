package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.SetupIT.SIREN;
import static fr.maillage.bootstrap.it.SetupIT.managerOperators;
import static fr.maillage.bootstrap.it.SetupIT.operatorJson;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.invoice.port.out.InvoicePort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.invoice.Buyer;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceChain;
import fr.maillage.domain.invoice.InvoiceKind;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.invoice.InvoiceNumber;
import fr.maillage.domain.invoice.Seller;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.shared.PostalAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Invoices: issued from membership events (sale, payment, cancellation), numbered without gaps under concurrency and
 * rollbacks, chained by hash, and never changed nor deleted, even by the schema owner.
 */
class InvoicesIT extends EndToEndTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    InvoicePort invoices;

    @Autowired
    UnitOfWorkPort unitOfWork;

    @Autowired
    Environment environment;

    @Autowired
    fr.maillage.application.invoice.InvoicingService invoicing;

    record Shop(String slug, Person animator, Person manager, String operator, String card) {
    }

    @Test
    void a_sale_issues_its_invoice_a_payment_settles_it_and_a_cancelled_unpaid_sale_gets_a_credit_note() {
        Shop shop = shop("sale", "SERRE");
        String camille = member(shop, "Camille", "Martin");
        String paid = sell(shop, camille);
        String unpaid = sell(shop, camille);
        assertThat(pay(shop, paid, "{\"method\": \"CASH\", \"amountCents\": 5000}").status()).isEqualTo(201);
        Api.Reply cancelled = api.post(MembershipsIT.memberships(shop.slug()) + "/" + unpaid + "/cancel",
                "{\"reason\": \"Vendue par erreur\"}").token(shop.manager().token()).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        int year = Instant.now().atZone(PARIS).getYear();
        List<Map<String, Object>> docs = sql.rows("""
                select number, kind, gross_cents, net_cents, vat_cents, vat_mention, membership_id::text as m,
                       credits_number, seller_legal_name, buyer_name, late_payment_mention
                  from invoice order by chain_position""");
        assertThat(docs).extracting(d -> d.get("number")).containsExactly("SERRE-" + year + "-000001",
                "SERRE-" + year + "-000002", "SERRE-" + year + "-000003");
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("INVOICE", "INVOICE", "CREDIT_NOTE");
        assertThat(docs).extracting(d -> d.get("m")).containsExactly(paid, unpaid, unpaid);
        assertThat(docs.getFirst().get("gross_cents")).isEqualTo(5000L);
        assertThat(docs.getFirst().get("vat_cents")).as("franchise: no VAT").isEqualTo(0L);
        assertThat(docs.getFirst().get("vat_mention")).isEqualTo("TVA non applicable, art. 293 B du CGI");
        assertThat(docs.getFirst().get("seller_legal_name")).isEqualTo("Opérateur SERRE");
        assertThat(docs.getFirst().get("buyer_name")).isEqualTo("Camille Martin");
        assertThat(docs.getFirst().get("late_payment_mention")).as("not a business buyer").isEqualTo("");
        assertThat(docs.get(2).get("credits_number")).isEqualTo("SERRE-" + year + "-000002");
        assertThat(docs.get(2).get("gross_cents")).as("nothing was paid: credited in full").isEqualTo(5000L);
        assertThat(sql.rows("select amount_cents, method from invoice_payment"))
                .containsExactly(Map.of("amount_cents", 5000L, "method", "CASH"));

        // A refund of 20 € of the paid card (as the payment provider reports it): a credit note of 20 €.
        unitOfWork.inTenant(new NetworkId(sql.network()), () -> {
            invoicing.on(new NetworkId(sql.network()), new MembershipEvent.Refunded(
                    new MembershipId(UUID.fromString(paid)), Instant.now(), "system:test", Money.euros(2_000),
                    "re_test_1", fr.maillage.domain.membership.PaymentMethod.ONLINE));
            return Boolean.TRUE;
        });
        List<Map<String, Object>> credits = sql.rows("""
                select number, gross_cents, credits_number, reason from invoice
                 where kind = 'CREDIT_NOTE' order by chain_position""");
        assertThat(credits).hasSize(2);
        assertThat(credits.get(1).get("gross_cents")).isEqualTo(2000L);
        assertThat(credits.get(1).get("credits_number")).isEqualTo("SERRE-" + year + "-000001");
        assertThat(credits.get(1).get("reason")).isEqualTo("Remboursement (re_test_1)");

        InvoiceChain.Check check = chain(sql.network(), UUID.fromString(shop.operator()));
        assertThat(check.intact()).as(String.valueOf(check.firstBroken())).isTrue();
        assertThat(check.checked()).isEqualTo(4);
    }

    @Test
    void a_refund_given_at_the_desk_issues_its_credit_note_once() {
        Shop shop = shop("refund", "RMB");
        String camille = member(shop, "Camille", "Martin");
        String card = sell(shop, camille);
        Api.Reply paid = pay(shop, card, "{\"method\": \"CHEQUE\", \"amountCents\": 5000, \"reference\": \"0012\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String refunds = MembershipsIT.memberships(shop.slug()) + "/" + card + "/refunds";
        String etag = paid.header("ETag");

        Api.Reply refunded = api.post(refunds, "{\"method\": \"CASH\", \"amountCents\": 2000}")
                .header("If-Match", etag).token(shop.manager().token()).send();
        Api.Reply again = api.post(refunds, "{\"method\": \"CASH\", \"amountCents\": 2000}")
                .header("If-Match", etag).token(shop.manager().token()).send();

        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.json().get("amountPaidCents").asLong()).isEqualTo(3000);
        assertThat(refunded.json().get("status").asString()).as("a refund does not cancel").isEqualTo("ACTIVE");
        assertThat(again.status()).as("the same request again: " + again).isEqualTo(412);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        int year = Instant.now().atZone(PARIS).getYear();
        assertThat(sql.rows("select kind, gross_cents, credits_number, reason from invoice order by chain_position"))
                .extracting(r -> r.get("kind") + " " + r.get("gross_cents") + " " + r.get("credits_number") + " "
                        + r.get("reason"))
                .containsExactly("INVOICE 5000 null null",
                        "CREDIT_NOTE 2000 RMB-" + year + "-000001 Remboursement (espèces)");

        // The rest by transfer, without a precondition; more than what is paid, or an online method, is refused.
        Api.Reply tooMuch = api.post(refunds, "{\"method\": \"TRANSFER\", \"amountCents\": 3001}")
                .token(shop.manager().token()).send();
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(Inspect.code(tooMuch)).isEqualTo("membership.refund.exceeds-paid");
        Api.Reply online = api.post(refunds, "{\"method\": \"ONLINE\", \"amountCents\": 100}")
                .token(shop.manager().token()).header("Accept-Language", "en").send();
        assertThat(online.status()).as(online.toString()).isEqualTo(400);
        assertThat(online.body()).contains("refund.method.not-offline", "refunded in the Stripe dashboard");
        Api.Reply rest = api.post(refunds, "{\"method\": \"TRANSFER\", \"amountCents\": 3000, "
                + "\"reference\": \"RB-12\"}").token(shop.manager().token()).send();
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        assertThat(rest.json().get("amountPaidCents").asLong()).isZero();
        assertThat(sql.rows("select gross_cents, reason from invoice where kind = 'CREDIT_NOTE' order by chain_position"))
                .extracting(r -> r.get("gross_cents") + " " + r.get("reason"))
                .containsExactly("2000 Remboursement (espèces)", "3000 Remboursement (virement RB-12)");
        assertThat(sql.rows("select type from membership_event where membership_id = ?::uuid order by position",
                card)).extracting(r -> r.get("type"))
                .containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED", "REFUNDED", "REFUNDED");
        assertThat(sql.count("select count(*) from audit_event where action = 'membership.refunded'")).isEqualTo(2);
        // The money given back is in the accounting exports: negative in payments.csv, cash and bank out in the FEC.
        String accounting = "/api/networks/" + shop.slug() + "/operators/" + shop.operator() + "/accounting";
        Api.Reply payments = api.get(accounting + "/payments.csv").token(shop.manager().token()).send();
        assertThat(payments.status()).as(payments.toString()).isEqualTo(200);
        assertThat(payments.body()).contains("RMB-" + year + "-000001;Camille Martin;CHEQUE;0012;50,00",
                "RMB-" + year + "-000002;Camille Martin;CASH;espèces;-20,00",
                "RMB-" + year + "-000003;Camille Martin;TRANSFER;virement RB-12;-30,00");
        Api.Reply fec = api.get(accounting + "/fec").token(shop.manager().token()).send();
        assertThat(fec.status()).as(fec.toString()).isEqualTo(200);
        long customerBalance = fec.body().lines().skip(1).map(l -> l.split("\t", -1))
                .filter(c -> c[4].equals("411000"))
                .mapToLong(c -> Math.round(Double.parseDouble(c[11].replace(',', '.')) * 100)
                        - Math.round(Double.parseDouble(c[12].replace(',', '.')) * 100)).sum();
        assertThat(customerBalance).as("sold 50, paid 50, credited 50, refunded 50: the customer owes nothing")
                .isZero();
        assertThat(fec.body()).contains("Remboursement RMB-" + year + "-000002 espèces");
        assertThat(chain(sql.network(), UUID.fromString(shop.operator())).intact()).isTrue();
    }

    @Test
    void managers_and_members_read_invoices_and_pdfs_and_nothing_can_change_or_delete_them() throws Exception {
        Shop shop = shop("rest", "REST");
        Person member = personIn(shop.slug(), NetworkRole.MEMBER);
        Api.Reply found = api.get("/api/networks/" + shop.slug() + "/members?q=" + member.email())
                .token(shop.manager().token()).send();
        String memberId = found.json().get("items").get(0).get("id").asString();
        Api.Reply company = api.patch("/api/networks/" + shop.slug() + "/members/" + memberId,
                "{\"company\": \"Atelier Bois\"}").token(shop.manager().token()).send();
        assertThat(company.status()).as(company.toString()).isEqualTo(200);
        String membership = sell(shop, memberId);
        assertThat(pay(shop, membership, "{\"method\": \"CHEQUE\", \"amountCents\": 2000, \"reference\": \"12\"}")
                .status()).isEqualTo(201);

        String base = "/api/networks/" + shop.slug();
        Api.Reply list = api.get(base + "/invoices?member=" + memberId).token(shop.manager().token()).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asLong()).isEqualTo(1);
        tools.jackson.databind.JsonNode invoice = list.json().get("items").get(0);
        String id = invoice.get("id").asString();
        assertThat(invoice.get("kind").asString()).isEqualTo("INVOICE");
        assertThat(invoice.get("number").asString()).matches("REST-\\d{4}-000001");
        assertThat(invoice.get("buyer").get("company").asString()).isEqualTo("Atelier Bois");
        assertThat(invoice.get("buyer").get("business").asBoolean()).isTrue();
        assertThat(invoice.get("latePaymentMention").asString()).contains("40 €");
        assertThat(invoice.get("seller").get("siren").asString()).isEqualTo(SIREN);
        assertThat(invoice.get("totalInclVatCents").asLong()).isEqualTo(5000);
        assertThat(invoice.get("paidCents").asLong()).isEqualTo(2000);
        assertThat(invoice.get("dueCents").asLong()).isEqualTo(3000);
        assertThat(invoice.get("settled").asBoolean()).isFalse();
        assertThat(invoice.get("lines").get(0).get("description").asString()).isEqualTo("Carte 10 entrées (10 entrées)");
        assertThat(api.get(base + "/invoices?kind=CREDIT_NOTE").token(shop.manager().token()).send().json()
                .get("totalItems").asLong()).isZero();
        Api.Reply bad = api.get(base + "/invoices?kind=AVOIR&from=hier&operator=x").token(shop.manager().token())
                .send();
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("invoice.kind.invalid").contains("invoice.date.invalid")
                .contains("invoice.operator.invalid");

        Api.Reply pdf = slow(api.get(base + "/invoices/" + id + "/pdf").token(shop.manager().token()));
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        Api.Reply mine = api.get(base + "/me/invoices").token(member.token()).send();
        assertThat(mine.json().get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(id);
        assertThat(api.get(base + "/me/invoices/" + id).token(member.token()).send().status()).isEqualTo(200);
        Api.Reply myPdf = slow(api.get(base + "/me/invoices/" + id + "/pdf").token(member.token()));
        assertThat(myPdf.status()).isEqualTo(200);
        assertThat(myPdf.body()).startsWith("%PDF-");
        Person stranger = personIn(shop.slug(), NetworkRole.MEMBER);
        assertThat(api.get(base + "/me/invoices/" + id).token(stranger.token()).send().status()).isEqualTo(404);

        Api.Reply integrity = api.get(base + "/operators/" + shop.operator() + "/invoices/integrity")
                .token(shop.manager().token()).send();
        assertThat(integrity.status()).as(integrity.toString()).isEqualTo(200);
        assertThat(integrity.json().get("intact").asBoolean()).isTrue();
        assertThat(integrity.json().get("checked").asInt()).isEqualTo(1);

        for (Api.Call call : List.of(api.delete(base + "/invoices/" + id), api.put(base + "/invoices/" + id, "{}"),
                api.patch(base + "/invoices/" + id, "{\"buyerName\": \"x\"}"), api.post(base + "/invoices", "{}"),
                api.delete(base + "/me/invoices/" + id))) {
            Api.Reply refused = call.token(platformAdmin()).send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(405);
        }
        assertThat(api.get(base + "/invoices/" + id).token(shop.animator().token()).send().json().get("hash"))
                .isEqualTo(invoice.get("hash"));
    }

    @Test
    void an_operator_exports_its_invoices_payments_and_fec_for_a_period() {
        Shop shop = shop("fec", "FEC");
        String camille = member(shop, "Camille", "Martin");
        String paid = sell(shop, camille);
        assertThat(pay(shop, paid, "{\"method\": \"CASH\", \"amountCents\": 5000}").status()).isEqualTo(201);
        String unpaid = sell(shop, camille);
        assertThat(api.post(MembershipsIT.memberships(shop.slug()) + "/" + unpaid + "/cancel",
                "{\"reason\": \"Erreur\"}").token(shop.manager().token()).send().status()).isEqualTo(200);
        java.time.LocalDate today = java.time.LocalDate.now(PARIS);
        String base = "/api/networks/" + shop.slug() + "/operators/" + shop.operator() + "/accounting";
        String period = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

        Api.Reply invoicesCsv = api.get(base + "/invoices.csv" + period).token(shop.manager().token()).send();
        assertThat(invoicesCsv.status()).as(invoicesCsv.toString()).isEqualTo(200);
        assertThat(invoicesCsv.contentType()).startsWith("text/csv");
        assertThat(invoicesCsv.body()).startsWith("\uFEFFnumero;type;date_emission");
        List<String> rows = invoicesCsv.body().lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).contains(";facture;").endsWith(";50,00;0,00;50,00;TVA non applicable, art. 293 B du CGI");
        assertThat(rows.get(3)).contains(";avoir;").contains(";-50,00;");

        Api.Reply paymentsCsv = api.get(base + "/payments.csv" + period).token(shop.manager().token()).send();
        assertThat(paymentsCsv.body().lines().toList()).hasSize(2);
        assertThat(paymentsCsv.body().lines().toList().get(1)).contains(";CASH;").endsWith(";50,00");

        Api.Reply fec = api.get(base + "/fec" + period).token(shop.animator().token()).send();
        assertThat(fec.status()).as(fec.toString()).isEqualTo(200);
        assertThat(fec.header("Content-Disposition")).contains(SIREN + "FEC"
                + today.plusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + ".txt");
        List<String[]> lines = fec.body().lines().map(l -> l.split("\t", -1)).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSize(18));
        assertThat(lines.getFirst()[0]).isEqualTo("JournalCode");
        assertThat(lines.stream().skip(1).map(l -> l[0]).distinct()).containsExactlyInAnyOrder("VT", "CA");
        java.math.BigDecimal debit = java.math.BigDecimal.ZERO;
        java.math.BigDecimal credit = java.math.BigDecimal.ZERO;
        for (String[] l : lines.subList(1, lines.size())) {
            debit = debit.add(new java.math.BigDecimal(l[11].replace(',', '.')));
            credit = credit.add(new java.math.BigDecimal(l[12].replace(',', '.')));
        }
        // two invoices (411: 2 x 50), the credit note (706: 50), the cash (530: 50)
        assertThat(debit).isEqualByComparingTo(credit).isEqualByComparingTo("200.00");

        Api.Reply tooLong = api.get(base + "/fec?from=2024-01-01&to=2026-01-01").token(shop.manager().token()).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("invoice.accounting.period.too-long");
        Api.Reply reversed = api.get(base + "/fec?from=2026-02-01&to=2026-01-01").token(shop.manager().token()).send();
        assertThat(reversed.body()).contains("invoice.accounting.period.order");
    }

    @Test
    void numbers_are_gapless_and_unique_with_32_concurrent_issuers_and_rollbacks() throws Exception {
        Shop shop = shop("numbers", "GAP");
        Shop other = shopIn(shop, "GAPB");
        String camille = member(shop, "Camille", "Martin");
        NetworkId network = new NetworkId(TenantSql.of(jdbc, shop.slug()).network());
        List<OperatorId> ops = List.of(new OperatorId(UUID.fromString(shop.operator())),
                new OperatorId(UUID.fromString(other.operator())));
        List<String> prefixes = List.of("GAP", "GAPB");
        int threads = 32;
        int perThread = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Callable<int[]>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            calls.add(() -> {
                start.await();
                int committed = 0;
                int rolledBack = 0;
                for (int i = 0; i < perThread; i++) {
                    OperatorId operator = ops.get((thread + i) % 2);
                    String prefix = prefixes.get((thread + i) % 2);
                    boolean rollback = (thread * perThread + i) % 5 == 0;
                    try {
                        unitOfWork.inTenant(network, () -> {
                            issueDirectly(network, operator, prefix, new MemberId(UUID.fromString(camille)));
                            if (rollback) {
                                throw new IllegalStateException("deliberate rollback after the number was taken");
                            }
                            return Boolean.TRUE;
                        });
                        committed++;
                    } catch (RuntimeException e) {
                        rolledBack++;
                        if (!rollback) {
                            unexpected.add(e);
                        }
                    }
                }
                return new int[] {committed, rolledBack};
            });
        }
        List<java.util.concurrent.Future<int[]>> futures = new ArrayList<>();
        int committed = 0;
        int rolledBack = 0;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (Callable<int[]> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (var f : futures) {
                committed += f.get()[0];
                rolledBack += f.get()[1];
            }
        }
        assertThat(unexpected).as("failures other than the deliberate rollbacks (any is allowed: it must leave "
                + "no gap either)").allSatisfy(e -> assertThat(e).hasMessageContaining("Connection is not available"));
        assertThat(rolledBack).isGreaterThanOrEqualTo(threads * perThread / 5);
        assertThat(committed).isGreaterThan(0);

        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        long stored = sql.count("select count(*) from invoice");
        assertThat(stored).isEqualTo(committed);
        for (OperatorId operator : ops) {
            List<Map<String, Object>> series = sql.rows("""
                    select year, count(*) as n, count(distinct sequence) as distinct_numbers, min(sequence) as low,
                           max(sequence) as high
                      from invoice where operator_id = ? group by year""", operator.value());
            for (Map<String, Object> year : series) {
                assertThat(year.get("low")).as("starts at 1: " + year).isEqualTo(1L);
                assertThat(year.get("high")).as("no gap: " + year).isEqualTo(year.get("n"));
                assertThat(year.get("distinct_numbers")).as("no duplicate: " + year).isEqualTo(year.get("n"));
            }
            InvoiceChain.Check check = chain(network.value(), operator.value());
            assertThat(check.intact()).as(String.valueOf(check.firstBroken())).isTrue();
        }
        assertThat(sql.count("select coalesce(sum(last_number), 0) from invoice_series")).isEqualTo(committed);
    }

    @Test
    void issued_invoices_can_be_neither_updated_nor_deleted_by_the_application_nor_by_the_owner() throws Exception {
        Shop shop = shop("immutable", "IMMU");
        String camille = member(shop, "Camille", "Martin");
        sell(shop, camille);
        TenantSql sql = TenantSql.of(jdbc, shop.slug());
        assertThat(sql.count("select count(*) from invoice")).isEqualTo(1);

        for (String change : List.of("update invoice set buyer_name = 'Quelqu''un d''autre'",
                "update invoice set gross_cents = 1, net_cents = 1", "delete from invoice_line",
                "delete from invoice", "update invoice_line set description = 'x'", "truncate invoice cascade")) {
            assertThatThrownBy(() -> sql.update(change)).as(change).rootCause()
                    .hasMessageContaining("permission denied");
        }

        try (Connection owner = DriverManager.getConnection(environment.getRequiredProperty("spring.liquibase.url"),
                environment.getRequiredProperty("spring.liquibase.user"),
                environment.getProperty("spring.liquibase.password", ""))) {
            owner.setAutoCommit(false);
            for (String change : List.of("update invoice set buyer_name = 'Quelqu''un d''autre'",
                    "delete from invoice_line", "delete from invoice", "truncate invoice cascade",
                    "truncate invoice_line")) {
                try (Statement s = owner.createStatement()) {
                    s.execute("select set_config('app.tenant', '" + sql.network() + "', true)");
                    assertThatThrownBy(() -> s.executeUpdate(change)).as(change).isInstanceOf(SQLException.class)
                            .hasMessageContaining("issued invoices are never changed nor deleted");
                } finally {
                    owner.rollback();
                }
            }
        }
        assertThat(sql.rows("select buyer_name from invoice")).containsExactly(Map.of("buyer_name", "Camille Martin"));
        assertThat(chain(sql.network(), UUID.fromString(shop.operator())).intact()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A PDF is rendered in a few seconds, up to a minute on a loaded test machine (Apache FOP's first run). */
    private static Api.Reply slow(Api.Call call) {
        return call.timeout(java.time.Duration.ofMinutes(2)).send();
    }

    private void issueDirectly(NetworkId network, OperatorId operator, String prefix, MemberId member) {
        Invoice.Draft draft = Invoice.draft(UUID.randomUUID(), network, operator, InvoiceKind.INVOICE, Instant.now(),
                PARIS, null, null, new Seller("Opérateur", Siren.of(SIREN), new PostalAddress("1 place de la République",
                        null, "04200", "Sisteron")), new Buyer("Camille Martin", null, null), member, null,
                List.of(InvoiceLine.of(1, "Journée", 1, 1_500, VatRate.STANDARD)),
                new VatRegime.Liable(List.of(VatRate.STANDARD)), null, null);
        int year = draft.issueDate().getYear();
        InvoicePort.Allocation next = invoices.allocate(operator, year);
        invoices.insert(draft.issue(new InvoiceNumber(InvoicePrefix.of(prefix), year, next.sequence()),
                next.position(), next.previousHash()));
    }

    private InvoiceChain.Check chain(UUID network, UUID operator) {
        return unitOfWork.readOnlyInTenant(new NetworkId(network), () -> {
            List<Invoice> all = new ArrayList<>();
            invoices.forEachInChain(new OperatorId(operator), all::add);
            return InvoiceChain.verify(all);
        });
    }

    private Shop shop(String prefix, String invoicePrefix) {
        String slug = newNetwork("inv-" + prefix);
        List<Person> people;
        try {
            people = concurrently(List.<Callable<Person>>of(() -> personIn(slug, NetworkRole.ANIMATOR),
                    () -> personIn(slug, NetworkRole.MANAGER)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return shopOf(slug, people.get(0), people.get(1), invoicePrefix);
    }

    /** Another operator in the same network, run by the same manager. */
    private Shop shopIn(Shop shop, String invoicePrefix) {
        return shopOf(shop.slug(), shop.animator(), shop.manager(), invoicePrefix, shop.operator());
    }

    private Shop shopOf(String slug, Person animator, Person manager, String invoicePrefix, String... alsoRuns) {
        Api.Reply created = api.post(operators(slug), operatorJson("Opérateur " + invoicePrefix, SIREN,
                "{\"type\":\"FRANCHISE\"}", invoicePrefix)).token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String operator = created.json().get("id").asString();
        List<String> ids = new ArrayList<>();
        for (String earlier : alsoRuns) {
            ids.add("\"" + earlier + "\"");
        }
        ids.add("\"" + operator + "\"");
        Api.Reply scoped = api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":" + ids + "}")
                .token(animator.token()).send();
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(200);
        Api.Reply card = api.post(OffersIT.offers(slug), OffersIT.LA_SERRE_CARD.formatted(operator))
                .token(manager.token()).send();
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        return new Shop(slug, animator, manager, operator, card.json().get("id").asString());
    }

    private String member(Shop shop, String givenName, String familyName) {
        String email = givenName.toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID() + "@maillage.test";
        return memberFile(shop.slug(), shop.manager(), email, givenName, familyName);
    }

    private String sell(Shop shop, String member) {
        return sellAtDesk(shop.slug(), shop.manager(), member, shop.card());
    }

    private Api.Reply pay(Shop shop, String membership, String json) {
        return api.post(MembershipsIT.memberships(shop.slug()) + "/" + membership + "/payments", json)
                .token(shop.manager().token()).send();
    }
}
