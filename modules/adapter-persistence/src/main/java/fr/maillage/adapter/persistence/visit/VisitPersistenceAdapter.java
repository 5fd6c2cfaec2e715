package fr.maillage.adapter.persistence.visit;

import static fr.maillage.adapter.persistence.shared.JdbcValues.at;
import static fr.maillage.adapter.persistence.shared.JdbcValues.instant;
import static fr.maillage.adapter.persistence.shared.JdbcValues.instantOrNull;
import static fr.maillage.adapter.persistence.shared.JdbcValues.integerOrNull;
import static fr.maillage.adapter.persistence.visit.Sql.params;
import static fr.maillage.adapter.persistence.shared.JdbcValues.uuid;
import static fr.maillage.adapter.persistence.shared.JdbcValues.uuidOrNull;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.visit.port.out.VisitPort;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.visit.ClosedBy;
import fr.maillage.domain.visit.Visit;
import fr.maillage.domain.visit.VisitSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Visits, in the current network's tenant transaction. */
@Component
class VisitPersistenceAdapter implements VisitPort {

    private static final String VISIT = """
            select v.network_id, v.id, v.place_id, v.member_id, v.membership_id, v.source, v.checked_in_at,
                   v.checked_in_by, v.checked_out_at, v.closed_by, v.entries_consumed, v.entries_short,
                   v.override_reason
            from visit v
            """;
    private static final String DETAILS = """
            select v.network_id, v.id, v.place_id, v.member_id, v.membership_id, v.source, v.checked_in_at,
                   v.checked_in_by, v.checked_out_at, v.closed_by, v.entries_consumed, v.entries_short,
                   v.override_reason, p.name as place_name, mb.given_name, mb.family_name,
                   ms.offer_name, ms.kind as membership_kind, ms.entries_remaining
            from visit v
            join place p on p.network_id = v.network_id and p.id = v.place_id
            join member mb on mb.network_id = v.network_id and mb.id = v.member_id
            left join membership ms on ms.network_id = v.network_id and ms.id = v.membership_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    VisitPersistenceAdapter(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Visit> openVisitOf(MemberId member) {
        return jdbc.query(VISIT + " where v.network_id = :network and v.member_id = :member"
                + " and v.checked_out_at is null", params().addValue("member", member.value()),
                VisitPersistenceAdapter::visit).stream().findFirst();
    }

    @Override
    public boolean insertOpen(Visit visit) {
        if (!visit.isOpen()) {
            throw new IllegalArgumentException("a new visit is open");
        }
        MapSqlParameterSource p = params().addValue("id", visit.id()).addValue("place", visit.place().value())
                .addValue("member", visit.member().value()).addValue("membership", visit.membership())
                .addValue("source", visit.source().name()).addValue("in", at(visit.checkedInAt()))
                .addValue("by", visit.checkedInBy()).addValue("consumed", visit.entriesConsumed())
                .addValue("reason", visit.overrideReason()).addValue("now", at(clock.instant()));
        // The partial unique index visit_one_open_per_member decides: a second open visit is not inserted, and this
        // statement waits for a concurrent transaction that inserted one to end, without aborting this transaction.
        return jdbc.update("""
                insert into visit (network_id, id, place_id, member_id, membership_id, source, checked_in_at,
                                   checked_in_by, entries_consumed, override_reason, created_at, updated_at)
                values (:network, :id, :place, :member, :membership, :source, :in, :by, :consumed, :reason, :now,
                        :now)
                on conflict (network_id, member_id) where checked_out_at is null do nothing""", p) == 1;
    }

    @Override
    public void cover(UUID visit, UUID membership, int entriesConsumed) {
        jdbc.update("""
                update visit set membership_id = :membership, entries_consumed = :consumed, updated_at = :now,
                                 version = version + 1
                 where network_id = :network and id = :id""", params().addValue("id", visit)
                .addValue("membership", membership).addValue("consumed", entriesConsumed)
                .addValue("now", at(clock.instant())));
    }

    @Override
    public boolean closeIfOpen(UUID visit, Instant at, ClosedBy by) {
        return jdbc.update("""
                update visit set checked_out_at = :out, closed_by = :by, updated_at = :now, version = version + 1
                 where network_id = :network and id = :id and checked_out_at is null""",
                params().addValue("id", visit).addValue("out", at(at)).addValue("by", by.name())
                        .addValue("now", at(clock.instant()))) == 1;
    }

    @Override
    public void addEntries(UUID visit, int consumed, int shortfall) {
        jdbc.update("""
                update visit set entries_consumed = entries_consumed + :consumed,
                                 entries_short = entries_short + :short, updated_at = :now, version = version + 1
                 where network_id = :network and id = :id""", params().addValue("id", visit)
                .addValue("consumed", consumed).addValue("short", shortfall).addValue("now", at(clock.instant())));
    }

    @Override
    public List<Visit> open() {
        return jdbc.query(VISIT + " where v.network_id = :network and v.checked_out_at is null"
                + " order by v.checked_in_at, v.id", params(), VisitPersistenceAdapter::visit);
    }

    @Override
    public Optional<VisitDetails> details(UUID visit) {
        return jdbc.query(DETAILS + " where v.network_id = :network and v.id = :id", params().addValue("id", visit),
                VisitPersistenceAdapter::details).stream().findFirst();
    }

    @Override
    public Optional<VisitDetails> openDetailsOf(MemberId member) {
        return jdbc.query(DETAILS + " where v.network_id = :network and v.member_id = :member"
                + " and v.checked_out_at is null", params().addValue("member", member.value()),
                VisitPersistenceAdapter::details).stream().findFirst();
    }

    @Override
    public List<VisitDetails> openAt(PlaceId place) {
        return jdbc.query(DETAILS + " where v.network_id = :network and v.place_id = :place"
                + " and v.checked_out_at is null order by v.checked_in_at, v.id",
                params().addValue("place", place.value()), VisitPersistenceAdapter::details);
    }

    @Override
    public List<VisitDetails> ofPlaceBetween(PlaceId place, Instant from, Instant to) {
        return jdbc.query(DETAILS + " where v.network_id = :network and v.place_id = :place"
                + " and v.checked_in_at >= :from and v.checked_in_at < :to order by v.checked_in_at, v.id",
                params().addValue("place", place.value()).addValue("from", at(from)).addValue("to", at(to)),
                VisitPersistenceAdapter::details);
    }

    @Override
    public Page<VisitDetails> ofMember(MemberId member, PageRequest page) {
        MapSqlParameterSource p = params().addValue("member", member.value()).addValue("limit", page.size())
                .addValue("offset", page.offset());
        List<VisitDetails> items = jdbc.query(DETAILS + " where v.network_id = :network and v.member_id = :member"
                + " order by v.checked_in_at desc, v.id desc limit :limit offset :offset", p,
                VisitPersistenceAdapter::details);
        Long total = jdbc.queryForObject("select count(*) from visit where network_id = :network"
                + " and member_id = :member", p, Long.class);
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    private static Visit visit(ResultSet rs, int row) throws SQLException {
        String closedBy = rs.getString("closed_by");
        return new Visit(uuid(rs, "id"), new NetworkId(uuid(rs, "network_id")), new PlaceId(uuid(rs, "place_id")),
                new MemberId(uuid(rs, "member_id")), uuidOrNull(rs, "membership_id"),
                VisitSource.valueOf(rs.getString("source")), instant(rs, "checked_in_at"),
                rs.getString("checked_in_by"), instantOrNull(rs, "checked_out_at"),
                closedBy == null ? null : ClosedBy.valueOf(closedBy), rs.getInt("entries_consumed"),
                rs.getInt("entries_short"), rs.getString("override_reason"));
    }

    private static VisitDetails details(ResultSet rs, int row) throws SQLException {
        return new VisitDetails(visit(rs, row), rs.getString("place_name"),
                rs.getString("given_name") + " " + rs.getString("family_name"), rs.getString("offer_name"),
                rs.getString("membership_kind"), integerOrNull(rs, "entries_remaining"));
    }
}
