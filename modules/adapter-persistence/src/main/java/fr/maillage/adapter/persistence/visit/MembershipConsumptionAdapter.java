package fr.maillage.adapter.persistence.visit;

import static fr.maillage.adapter.persistence.shared.JdbcValues.at;
import static fr.maillage.adapter.persistence.shared.JdbcValues.dateOrNull;
import static fr.maillage.adapter.persistence.shared.JdbcValues.instant;
import static fr.maillage.adapter.persistence.shared.JdbcValues.integerOrNull;
import static fr.maillage.adapter.persistence.visit.Sql.params;
import static fr.maillage.adapter.persistence.shared.JdbcValues.uuid;

import fr.maillage.application.visit.port.out.HeldMembershipPort;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.visit.HeldMembership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The memberships as check-ins read them, and the consumption of card entries. Each consumption is a single
 * conditional {@code UPDATE} (or a row locked with {@code FOR UPDATE}): under READ COMMITTED, a concurrent
 * transaction that updated the row first makes this one wait, then re-check its condition on the new row, so an
 * entry is never spent twice and a balance never goes below zero (the table's CHECK constraint says so too). Every
 * change bumps {@code version}, so that the memberships' own optimistic locking sees it.
 */
@Component
class MembershipConsumptionAdapter implements HeldMembershipPort {

    private static final String COLUMNS = """
            select m.id, m.offer_id, m.operator_id, m.kind, m.status, m.offer_name, m.price_cents, m.scope_type,
                   m.entries_total, m.entries_remaining, m.entry_minutes, m.valid_from, m.valid_until, m.sold_at,
                   (select string_agg(mp.place_id::text, ',') from membership_place mp
                     where mp.network_id = m.network_id and mp.membership_id = m.id) as chosen_places
            from membership m
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MembershipConsumptionAdapter(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<HeldMembership> activeOf(MemberId member) {
        return jdbc.query(COLUMNS + " where m.network_id = :network and m.member_id = :member and m.status = 'ACTIVE'",
                params().addValue("member", member.value()), MembershipConsumptionAdapter::held);
    }

    @Override
    public Optional<HeldMembership> find(UUID membership) {
        return jdbc.query(COLUMNS + " where m.network_id = :network and m.id = :id",
                params().addValue("id", membership), MembershipConsumptionAdapter::held).stream().findFirst();
    }

    @Override
    public OptionalInt consume(UUID membership, int entries, Instant at) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries " + entries);
        }
        List<Integer> left = jdbc.queryForList("""
                update membership
                   set entries_remaining = entries_remaining - :entries, version = version + 1, updated_at = :now
                 where network_id = :network and id = :id and kind = 'CARD' and status = 'ACTIVE'
                   and entries_remaining >= :entries
                returning entries_remaining""",
                params().addValue("id", membership).addValue("entries", entries).addValue("now", at(clock.instant())),
                Integer.class);
        return left.isEmpty() ? OptionalInt.empty() : OptionalInt.of(left.getFirst());
    }

    @Override
    public Consumption consumeUpTo(UUID membership, int entries, Instant at) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries " + entries);
        }
        List<Integer> remaining = jdbc.queryForList("""
                select entries_remaining from membership
                 where network_id = :network and id = :id and kind = 'CARD' and status in ('ACTIVE', 'EXPIRED')
                   for update""", params().addValue("id", membership), Integer.class);
        if (remaining.isEmpty() || remaining.getFirst() == null || remaining.getFirst() == 0) {
            return new Consumption(0, remaining.isEmpty() || remaining.getFirst() == null ? 0 : remaining.getFirst());
        }
        int taken = Math.min(entries, remaining.getFirst());
        int updated = jdbc.update("""
                update membership
                   set entries_remaining = entries_remaining - :taken, version = version + 1, updated_at = :now
                 where network_id = :network and id = :id""",
                params().addValue("id", membership).addValue("taken", taken).addValue("now", at(clock.instant())));
        if (updated != 1) {
            throw new IllegalStateException("the locked membership " + membership + " was not updated");
        }
        return new Consumption(taken, remaining.getFirst() - taken);
    }

    private static HeldMembership held(ResultSet rs, int row) throws SQLException {
        Integer minutes = integerOrNull(rs, "entry_minutes");
        String chosen = rs.getString("chosen_places");
        Set<PlaceId> places = chosen == null || chosen.isEmpty() ? Set.of()
                : Arrays.stream(chosen.split(",")).map(id -> new PlaceId(UUID.fromString(id)))
                        .collect(Collectors.toSet());
        return new HeldMembership(uuid(rs, "id"), uuid(rs, "offer_id"), new OperatorId(uuid(rs, "operator_id")),
                HeldMembership.Kind.valueOf(rs.getString("kind")), HeldMembership.Status.valueOf(rs.getString("status")),
                rs.getString("offer_name"), Money.euros(rs.getLong("price_cents")),
                HeldMembership.Scope.valueOf(rs.getString("scope_type")), places, integerOrNull(rs, "entries_total"),
                integerOrNull(rs, "entries_remaining"), minutes == null ? null : Duration.ofMinutes(minutes),
                dateOrNull(rs, "valid_from"), dateOrNull(rs, "valid_until"), instant(rs, "sold_at"));
    }
}
