package fr.maillage.adapter.persistence.invoice;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.invoice.port.in.InvoiceCriteria;
import fr.maillage.application.invoice.port.in.InvoicesQuery.InvoiceDetails;
import fr.maillage.application.invoice.port.out.InvoicePort;
import fr.maillage.application.shared.Page;
import fr.maillage.domain.invoice.Amounts;
import fr.maillage.domain.invoice.Buyer;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceChain;
import fr.maillage.domain.invoice.InvoiceKind;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.invoice.InvoiceNumber;
import fr.maillage.domain.invoice.Seller;
import fr.maillage.domain.invoice.Settlement;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.shared.PostalAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invoices by plain JDBC in the current tenant transaction (the one Hibernate uses: the membership rows it flushed are
 * visible). {@link #allocate} locks the operator's chain head, then takes the next number of the year with an upsert
 * that returns it: both rows stay locked until the transaction ends, so concurrent issuers of one operator queue, and
 * a rollback gives the number back. Rows are only inserted (the database refuses updates and deletes).
 */
@Component
class InvoicePersistenceAdapter implements InvoicePort {

    private static final String COLUMNS = "select i.* from invoice i ";

    private final NamedParameterJdbcTemplate jdbc;

    InvoicePersistenceAdapter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static MapSqlParameterSource params() {
        UUID tenant = TenantScope.current();
        if (TenantScope.NONE.equals(tenant)) {
            throw new IllegalStateException("invoices are read and written inside a network's transaction only");
        }
        return new MapSqlParameterSource("network", tenant);
    }

    @Override
    public Allocation allocate(OperatorId operator, int year) {
        MapSqlParameterSource p = params().addValue("operator", operator.value()).addValue("year", year)
                .addValue("genesis", InvoiceChain.GENESIS);
        Map<String, Object> head = jdbc.queryForMap("""
                insert into invoice_chain as c (network_id, operator_id, last_position, last_hash)
                values (:network, :operator, 0, :genesis)
                on conflict (network_id, operator_id) do update set last_position = c.last_position
                returning c.last_position, c.last_hash""", p);
        Long sequence = jdbc.queryForObject("""
                insert into invoice_series as s (network_id, operator_id, year, last_number)
                values (:network, :operator, :year, 1)
                on conflict (network_id, operator_id, year) do update set last_number = s.last_number + 1
                returning s.last_number""", p, Long.class);
        return new Allocation(sequence == null ? 0 : sequence, ((Number) head.get("last_position")).longValue() + 1,
                ((String) head.get("last_hash")).strip());
    }

    @Override
    public void insert(Invoice i) {
        MapSqlParameterSource p = params().addValue("id", i.id()).addValue("operator", i.operator().value())
                .addValue("kind", i.kind().name()).addValue("prefix", i.number().prefix().value())
                .addValue("year", i.number().year()).addValue("sequence", i.number().sequence())
                .addValue("number", i.number().value()).addValue("issuedAt", at(i.issuedAt()))
                .addValue("issueDate", i.issueDate()).addValue("serviceFrom", i.serviceFrom())
                .addValue("serviceUntil", i.serviceUntil()).addValue("dueDate", i.dueDate())
                .addValue("sellerName", i.seller().legalName()).addValue("sellerSiren", i.seller().siren().value())
                .addValue("sellerLine1", i.seller().address().line1())
                .addValue("sellerLine2", i.seller().address().line2())
                .addValue("sellerPostalCode", i.seller().address().postalCode())
                .addValue("sellerTown", i.seller().address().town()).addValue("buyerName", i.buyer().name())
                .addValue("buyerCompany", i.buyer().company());
        PostalAddress a = i.buyer().address();
        p.addValue("buyerLine1", a == null ? null : a.line1()).addValue("buyerLine2", a == null ? null : a.line2())
                .addValue("buyerPostalCode", a == null ? null : a.postalCode())
                .addValue("buyerTown", a == null ? null : a.town())
                .addValue("member", i.member().value())
                .addValue("membership", i.membership() == null ? null : i.membership().value())
                .addValue("net", i.amounts().netCents()).addValue("vat", i.amounts().vatCents())
                .addValue("gross", i.amounts().grossCents()).addValue("vatMention", i.vatMention())
                .addValue("paymentTerms", i.paymentTerms()).addValue("lateMention", i.latePaymentMention())
                .addValue("creditsId", i.credits() == null ? null : i.credits().invoice())
                .addValue("creditsNumber", i.credits() == null ? null : i.credits().number().value())
                .addValue("reason", i.reason()).addValue("position", i.chainPosition())
                .addValue("previousHash", i.previousHash()).addValue("hash", i.hash());
        jdbc.update("""
                insert into invoice (network_id, id, operator_id, kind, prefix, year, sequence, number, issued_at,
                    issue_date, service_from, service_until, due_date, seller_legal_name, seller_siren, seller_line1,
                    seller_line2, seller_postal_code, seller_town, buyer_name, buyer_company, buyer_line1, buyer_line2,
                    buyer_postal_code, buyer_town, member_id, membership_id, net_cents, vat_cents, gross_cents,
                    vat_mention, payment_terms, late_payment_mention, credits_invoice_id, credits_number, reason,
                    chain_position, previous_hash, hash)
                values (:network, :id, :operator, :kind, :prefix, :year, :sequence, :number, :issuedAt, :issueDate,
                    :serviceFrom, :serviceUntil, :dueDate, :sellerName, :sellerSiren, :sellerLine1, :sellerLine2,
                    :sellerPostalCode, :sellerTown, :buyerName, :buyerCompany, :buyerLine1, :buyerLine2,
                    :buyerPostalCode, :buyerTown, :member, :membership, :net, :vat, :gross, :vatMention,
                    :paymentTerms, :lateMention, :creditsId, :creditsNumber, :reason, :position, :previousHash, :hash)
                """, p);
        MapSqlParameterSource[] lines = i.lines().stream().map(l -> params().addValue("invoice", i.id())
                .addValue("position", l.position()).addValue("description", l.description())
                .addValue("quantity", l.quantity()).addValue("unitIncl", l.unitPriceInclVatCents())
                .addValue("unitExcl", l.unitPriceExclVatCents())
                .addValue("rate", l.vatRate() == null ? null : l.vatRate().basisPoints())
                .addValue("net", l.netCents()).addValue("gross", l.grossCents())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into invoice_line (network_id, invoice_id, position, description, quantity, unit_incl_vat_cents,
                    unit_excl_vat_cents, vat_rate_bp, net_cents, gross_cents)
                values (:network, :invoice, :position, :description, :quantity, :unitIncl, :unitExcl, :rate, :net,
                    :gross)""", lines);
        int moved = jdbc.update("""
                update invoice_chain set last_position = :position, last_hash = :hash
                 where network_id = :network and operator_id = :operator and last_position = :position - 1""",
                params().addValue("operator", i.operator().value()).addValue("position", i.chainPosition())
                        .addValue("hash", i.hash()));
        if (moved != 1) {
            throw new IllegalStateException("the chain head of " + i.operator() + " moved while " + i.number()
                    + " was issued");
        }
    }

    @Override
    public Optional<Invoice> find(UUID id) {
        return read(COLUMNS + " where i.network_id = :network and i.id = :id", params().addValue("id", id))
                .stream().findFirst();
    }

    @Override
    public List<Invoice> ofMembership(MembershipId membership) {
        return read(COLUMNS + " where i.network_id = :network and i.membership_id = :m order by i.issued_at, i.id",
                params().addValue("m", membership.value()));
    }

    @Override
    public Page<InvoiceDetails> search(InvoiceCriteria c) {
        StringBuilder where = new StringBuilder(" where i.network_id = :network");
        MapSqlParameterSource p = params();
        if (c.operators() != null) {
            if (c.operators().isEmpty()) {
                return new Page<>(List.of(), c.page().page(), c.page().size(), 0);
            }
            where.append(" and i.operator_id in (:operators)");
            p.addValue("operators", c.operators().stream().map(OperatorId::value).toList());
        }
        if (c.member() != null) {
            where.append(" and i.member_id = :member");
            p.addValue("member", c.member().value());
        }
        if (c.kind() != null) {
            where.append(" and i.kind = :kind");
            p.addValue("kind", c.kind().name());
        }
        if (c.from() != null) {
            where.append(" and i.issue_date >= :from");
            p.addValue("from", c.from());
        }
        if (c.to() != null) {
            where.append(" and i.issue_date <= :to");
            p.addValue("to", c.to());
        }
        if (c.text() != null) {
            where.append(" and (i.number ilike :text or i.buyer_name ilike :text or i.buyer_company ilike :text)");
            p.addValue("text", "%" + c.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Long total = jdbc.queryForObject("select count(*) from invoice i" + where, p, Long.class);
        p.addValue("limit", c.page().size()).addValue("offset", c.page().offset());
        List<Invoice> found = read(COLUMNS + where + " order by i.issued_at desc, i.id limit :limit offset :offset", p);
        return new Page<>(found.stream().map(this::details).toList(), c.page().page(), c.page().size(),
                total == null ? 0 : total);
    }

    @Override
    public InvoiceDetails details(Invoice invoice) {
        MapSqlParameterSource p = params().addValue("id", invoice.id());
        Long paid = jdbc.queryForObject("""
                select coalesce(sum(amount_cents), 0) from invoice_payment
                 where network_id = :network and invoice_id = :id""", p, Long.class);
        Long credited = jdbc.queryForObject("""
                select coalesce(sum(gross_cents), 0) from invoice
                 where network_id = :network and credits_invoice_id = :id""", p, Long.class);
        return new InvoiceDetails(invoice, paid == null ? 0 : paid, credited == null ? 0 : credited);
    }

    @Override
    public void settle(UUID invoice, UUID payment, long amountCents, PaymentMethod method, LocalDate receivedOn,
            Instant recordedAt) {
        jdbc.update("""
                insert into invoice_payment (network_id, id, invoice_id, payment_id, amount_cents, method,
                    received_on, recorded_at)
                values (:network, :id, :invoice, :payment, :amount, :method, :receivedOn, :recordedAt)
                on conflict (network_id, payment_id, invoice_id) do nothing""",
                params().addValue("id", UUID.randomUUID()).addValue("invoice", invoice).addValue("payment", payment)
                        .addValue("amount", amountCents).addValue("method", method.name())
                        .addValue("receivedOn", receivedOn).addValue("recordedAt", at(recordedAt)));
    }

    @Override
    public void recordRefund(UUID creditNote, PaymentMethod method, String reference, long amountCents,
            LocalDate refundedOn, Instant recordedAt) {
        jdbc.update("""
                insert into invoice_refund (network_id, id, credit_note_id, method, reference, amount_cents,
                    refunded_on, recorded_at)
                values (:network, :id, :creditNote, :method, :reference, :amount, :refundedOn, :recordedAt)
                on conflict (network_id, credit_note_id) do nothing""",
                params().addValue("id", UUID.randomUUID()).addValue("creditNote", creditNote)
                        .addValue("method", method.name())
                        .addValue("reference", reference.length() > 300 ? reference.substring(0, 300) : reference)
                        .addValue("amount", amountCents).addValue("refundedOn", refundedOn)
                        .addValue("recordedAt", at(recordedAt)));
    }

    @Override
    public void forEachInChain(OperatorId operator, Consumer<Invoice> each) {
        long after = 0;
        while (true) {
            List<Invoice> batch = read(COLUMNS + """
                     where i.network_id = :network and i.operator_id = :operator and i.chain_position > :after
                     order by i.chain_position limit 500""",
                    params().addValue("operator", operator.value()).addValue("after", after));
            batch.forEach(each);
            if (batch.size() < 500) {
                return;
            }
            after = batch.getLast().chainPosition();
        }
    }

    @Override
    public List<Invoice> issuedBetween(OperatorId operator, LocalDate from, LocalDate to) {
        return read(COLUMNS + """
                 where i.network_id = :network and i.operator_id = :operator and i.issue_date between :from and :to
                 order by i.chain_position""",
                params().addValue("operator", operator.value()).addValue("from", from).addValue("to", to));
    }

    @Override
    public List<Settlement> settledBetween(OperatorId operator, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select s.id, s.invoice_id, i.prefix, i.year, i.sequence, i.buyer_name, i.member_id, s.payment_id,
                       s.method, p.reference, s.amount_cents, s.received_on, s.recorded_at, false as refund
                  from invoice_payment s
                  join invoice i on i.network_id = s.network_id and i.id = s.invoice_id
                  join payment p on p.network_id = s.network_id and p.id = s.payment_id
                 where s.network_id = :network and i.operator_id = :operator
                   and s.received_on between :from and :to
                union all
                select r.id, r.credit_note_id, i.prefix, i.year, i.sequence, i.buyer_name, i.member_id, r.id,
                       r.method, r.reference, r.amount_cents, r.refunded_on, r.recorded_at, true
                  from invoice_refund r
                  join invoice i on i.network_id = r.network_id and i.id = r.credit_note_id
                 where r.network_id = :network and i.operator_id = :operator
                   and r.refunded_on between :from and :to
                 order by 12, 13, 1""",
                params().addValue("operator", operator.value()).addValue("from", from).addValue("to", to),
                (rs, n) -> new Settlement(uuid(rs, "id"), uuid(rs, "invoice_id"),
                        new InvoiceNumber(InvoicePrefix.of(rs.getString("prefix")), rs.getInt("year"),
                                rs.getLong("sequence")), rs.getString("buyer_name"), uuid(rs, "member_id"),
                        uuid(rs, "payment_id"), PaymentMethod.valueOf(rs.getString("method")),
                        rs.getString("reference"), rs.getLong("amount_cents"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getBoolean("refund")));
    }

    @Override
    public ZoneId timeZone() {
        String zone = jdbc.queryForObject("select time_zone from network where id = :network", params(),
                String.class);
        return ZoneId.of(zone == null ? "Europe/Paris" : zone);
    }

    @Override
    public String networkName() {
        String name = jdbc.queryForObject("select name from network where id = :network", params(), String.class);
        return name == null ? "" : name;
    }

    // ---------------------------------------------------------------------------------------------- reading rows

    private List<Invoice> read(String sql, MapSqlParameterSource p) {
        List<Map.Entry<UUID, RowData>> rows = jdbc.query(sql, p, (rs, n) -> Map.entry(uuid(rs, "id"), data(rs)));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<InvoiceLine>> lines = new HashMap<>();
        jdbc.query("""
                select * from invoice_line where network_id = :network and invoice_id in (:ids)
                 order by invoice_id, position""",
                params().addValue("ids", rows.stream().map(Map.Entry::getKey).toList()), rs -> {
                    Integer rate = (Integer) rs.getObject("vat_rate_bp");
                    lines.computeIfAbsent(uuid(rs, "invoice_id"), k -> new ArrayList<>()).add(new InvoiceLine(
                            rs.getInt("position"), rs.getString("description"), rs.getInt("quantity"),
                            rs.getLong("unit_incl_vat_cents"), rs.getLong("unit_excl_vat_cents"),
                            rate == null ? null : new VatRate(rate), rs.getLong("net_cents"),
                            rs.getLong("gross_cents")));
                });
        List<Invoice> result = new ArrayList<>();
        for (Map.Entry<UUID, RowData> row : rows) {
            List<InvoiceLine> own = lines.getOrDefault(row.getKey(), List.of());
            own.sort(Comparator.comparingInt(InvoiceLine::position));
            result.add(row.getValue().invoice(own));
        }
        return result;
    }

    /** The columns of one invoice row, waiting for its lines. */
    private record RowData(UUID id, NetworkId network, OperatorId operator, InvoiceKind kind, InvoiceNumber number,
            Instant issuedAt, LocalDate issueDate, LocalDate serviceFrom, LocalDate serviceUntil, LocalDate dueDate,
            Seller seller, Buyer buyer, MemberId member, @Nullable MembershipId membership, long net, long vat,
            long gross, String vatMention, String paymentTerms, String lateMention,
            Invoice.@Nullable Credited credits, @Nullable String reason, long position, String previousHash,
            String hash) {

        Invoice invoice(List<InvoiceLine> lines) {
            Amounts computed = Amounts.of(lines);
            // the stored totals are kept as printed; the hash covers the totals computed from the lines
            Amounts amounts = computed.netCents() == net && computed.vatCents() == vat && computed.grossCents() == gross
                    ? computed : new Amounts(computed.vat(), net, vat, gross);
            return new Invoice(id, network, operator, kind, number, issuedAt, issueDate, serviceFrom, serviceUntil,
                    dueDate, seller, buyer, member, membership, lines.isEmpty() ? List.of(placeholder()) : lines,
                    amounts, vatMention, paymentTerms, lateMention, credits, reason, position, previousHash, hash);
        }

        /** A document whose lines were removed still reads (and fails its hash check). */
        private static InvoiceLine placeholder() {
            return new InvoiceLine(1, "?", 1, 0, 0, null, 0, 0);
        }
    }

    private static RowData data(ResultSet rs) throws SQLException {
        String buyerLine1 = rs.getString("buyer_line1");
        PostalAddress buyerAddress = buyerLine1 == null ? null : new PostalAddress(buyerLine1,
                rs.getString("buyer_line2"), rs.getString("buyer_postal_code"), rs.getString("buyer_town"));
        UUID membership = rs.getObject("membership_id", UUID.class);
        UUID credits = rs.getObject("credits_invoice_id", UUID.class);
        return new RowData(uuid(rs, "id"), new NetworkId(uuid(rs, "network_id")),
                new OperatorId(uuid(rs, "operator_id")), InvoiceKind.valueOf(rs.getString("kind")),
                new InvoiceNumber(InvoicePrefix.of(rs.getString("prefix")), rs.getInt("year"), rs.getLong("sequence")),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("service_from", LocalDate.class),
                rs.getObject("service_until", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                new Seller(rs.getString("seller_legal_name"), Siren.of(rs.getString("seller_siren")),
                        new PostalAddress(rs.getString("seller_line1"), rs.getString("seller_line2"),
                                rs.getString("seller_postal_code"), rs.getString("seller_town"))),
                new Buyer(rs.getString("buyer_name"), rs.getString("buyer_company"), buyerAddress),
                new MemberId(uuid(rs, "member_id")), membership == null ? null : new MembershipId(membership),
                rs.getLong("net_cents"), rs.getLong("vat_cents"), rs.getLong("gross_cents"),
                rs.getString("vat_mention"), rs.getString("payment_terms"), rs.getString("late_payment_mention"),
                credits == null ? null : new Invoice.Credited(credits, InvoiceNumber.parse(rs.getString("credits_number"))),
                rs.getString("reason"), rs.getLong("chain_position"), rs.getString("previous_hash").strip(),
                rs.getString("hash").strip());
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
