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
 * Attendance, aggregated by PostgreSQL: the network's visits of a time range come from the index
 * {@code visit_attendance} (network, check-in, with place, member and check-out included), are grouped per place and
 * local day or month of their check-in ({@code checked_in_at AT TIME ZONE zone}), and only then joined to the places
 * for their names.
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
        String unit = granularity == Granularity.DAY ? "day" : "month";
        return jdbc.query("""
                select a.place_id, p.name, a.period, a.visits, a.members, a.seconds
                from (select v.place_id,
                             date_trunc('%s', v.checked_in_at at time zone :zone)::date as period,
                             count(*) as visits,
                             count(distinct v.member_id) as members,
                             coalesce(sum(extract(epoch from greatest(coalesce(v.checked_out_at, :now)
                                 - v.checked_in_at, interval '0'))), 0)::bigint as seconds
                        from visit v
                       where v.network_id = :network and v.checked_in_at >= :from and v.checked_in_at < :to%s
                       group by v.place_id, period) a
                join place p on p.network_id = :network and p.id = a.place_id
                order by a.period, p.name, a.place_id""".formatted(unit, filter), p,
                (rs, row) -> new AttendanceLine(new PlaceId(uuid(rs, "place_id")), rs.getString("name"),
                        rs.getObject("period", LocalDate.class), rs.getLong("visits"), rs.getLong("members"),
                        rs.getLong("seconds")));
    }
}
