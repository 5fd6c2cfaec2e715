package fr.maillage.adapter.persistence.visit;

import static fr.maillage.adapter.persistence.visit.Sql.at;
import static fr.maillage.adapter.persistence.visit.Sql.params;
import static fr.maillage.adapter.persistence.visit.Sql.uuid;

import fr.maillage.application.visit.port.out.AttendancePort;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Attendance, aggregated by PostgreSQL: for each local day or month of the range (its bounds computed once in the
 * network's zone, daylight-saving changes included), the network's visits that began in it come from one range scan
 * of the index {@code visit_attendance} (network, check-in, with place, member and check-out included), are added up
 * per place and member then per place (distinct members without a sort), and only then joined to the places for
 * their names. (Measured by infra/bench/attendance.sh against the per-row {@code AT TIME ZONE} grouping.)
 */
@Component
class AttendancePersistenceAdapter implements AttendancePort {

    private final NamedParameterJdbcTemplate jdbc;

    AttendancePersistenceAdapter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AttendanceLine> attendance(Granularity granularity, Instant from, Instant to, ZoneId zone,
            @Nullable PlaceId place, @Nullable Set<OperatorId> operators, Instant now) {
        if (operators != null && operators.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = params().addValue("from", at(from)).addValue("to", at(to))
                .addValue("zone", zone.getId()).addValue("now", at(now));
        StringBuilder filter = new StringBuilder();
        if (place != null) {
            p.addValue("place", place.value());
            filter.append(" and v.place_id = :place");
        }
        if (operators != null) {
            p.addValue("operators", operators.stream().map(OperatorId::value).toList());
            filter.append(" and v.place_id in (select id from place where network_id = :network"
                    + " and operator_id in (:operators))");
        }
        String step = granularity == Granularity.DAY ? "interval '1 day'" : "interval '1 month'";
        // One index range scan per local period (its bounds computed once, in the zone: no time-zone arithmetic
        // per row), distinct members by a two-level hash aggregation (no sort), then the places' names.
        return jdbc.query("""
                select a.place_id, p.name, a.period, a.visits, a.members, a.seconds
                from (select t.period, x.place_id, x.visits, x.members, x.seconds
                        from (select d::date as period, d at time zone :zone as lo, (d + %1$s) at time zone :zone as hi
                                from generate_series(:from at time zone :zone, (:to at time zone :zone) - %1$s, %1$s) d
                             ) t
                        cross join lateral (
                             select y.place_id, sum(y.n)::bigint as visits, count(*) as members,
                                    sum(y.s)::bigint as seconds
                               from (select v.place_id, v.member_id, count(*) as n,
                                            coalesce(sum(extract(epoch from greatest(coalesce(v.checked_out_at, :now)
                                                - v.checked_in_at, interval '0'))), 0) as s
                                       from visit v
                                      where v.network_id = :network and v.checked_in_at >= t.lo
                                        and v.checked_in_at < t.hi%2$s
                                      group by v.place_id, v.member_id) y
                              group by y.place_id) x) a
                join place p on p.network_id = :network and p.id = a.place_id
                order by a.period, p.name, a.place_id""".formatted(step, filter), p,
                (rs, row) -> new AttendanceLine(new PlaceId(uuid(rs, "place_id")), rs.getString("name"),
                        rs.getObject("period", LocalDate.class), rs.getLong("visits"), rs.getLong("members"),
                        rs.getLong("seconds")));
    }
}
