package fr.maillage.adapter.persistence.visit;

import static fr.maillage.adapter.persistence.shared.JdbcValues.at;
import static fr.maillage.adapter.persistence.visit.Sql.params;
import static fr.maillage.adapter.persistence.shared.JdbcValues.uuid;

import fr.maillage.application.visit.port.out.UsageLedgerPort;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.visit.UsageEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The usage ledger (append-only) and the monthly settlements added up from it by PostgreSQL. */
@Component
class UsageLedgerPersistenceAdapter implements UsageLedgerPort {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    UsageLedgerPersistenceAdapter(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(UsageEntry entry) {
        jdbc.update("""
                insert into usage_entry (network_id, id, visit_id, membership_id, place_id, seller_operator_id,
                                         place_operator_id, entries, unit_value_cents, amount_cents, used_on, month,
                                         recorded_at)
                values (:network, :id, :visit, :membership, :place, :seller, :placeOperator, :entries, :unit, :amount,
                        :usedOn, :month, :now)""",
                params().addValue("id", entry.id()).addValue("visit", entry.visit())
                        .addValue("membership", entry.membership()).addValue("place", entry.place().value())
                        .addValue("seller", entry.sellerOperator().value())
                        .addValue("placeOperator", entry.placeOperator().value()).addValue("entries", entry.entries())
                        .addValue("unit", entry.unitValue().cents()).addValue("amount", entry.amountCents())
                        .addValue("usedOn", entry.usedOn()).addValue("month", entry.month())
                        .addValue("now", at(clock.instant())));
    }

    @Override
    public List<SettlementLine> settlements(LocalDate month, @Nullable Set<OperatorId> involving) {
        if (involving != null && involving.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = params().addValue("month", month.withDayOfMonth(1));
        String scope = "";
        if (involving != null) {
            p.addValue("operators", involving.stream().map(OperatorId::value).toList());
            scope = " and (u.seller_operator_id in (:operators) or u.place_operator_id in (:operators))";
        }
        return jdbc.query("""
                select s.seller_operator_id, so.legal_name as seller_name, s.place_operator_id,
                       po.legal_name as place_operator_name, s.entries, s.amount_cents
                from (select u.seller_operator_id, u.place_operator_id, sum(u.entries) as entries,
                             sum(u.amount_cents) as amount_cents
                        from usage_entry u
                       where u.network_id = :network and u.month = :month
                         and u.seller_operator_id <> u.place_operator_id""" + scope + """

                       group by u.seller_operator_id, u.place_operator_id) s
                join operator so on so.network_id = :network and so.id = s.seller_operator_id
                join operator po on po.network_id = :network and po.id = s.place_operator_id
                order by so.legal_name, po.legal_name, s.seller_operator_id, s.place_operator_id""", p,
                (rs, row) -> new SettlementLine(new OperatorId(uuid(rs, "seller_operator_id")),
                        rs.getString("seller_name"), new OperatorId(uuid(rs, "place_operator_id")),
                        rs.getString("place_operator_name"), rs.getLong("entries"), rs.getLong("amount_cents")));
    }
}
