package fr.maillage.adapter.persistence.visit;

import static fr.maillage.adapter.persistence.shared.JdbcValues.at;
import static fr.maillage.adapter.persistence.visit.Sql.params;
import static fr.maillage.adapter.persistence.shared.JdbcValues.uuid;

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
 * Attendance, read from the roll-up tables {@code attendance_day} and {@code attendance_month} (changeset
 * {@code 0.5/attendance.sql}): PostgreSQL triggers on {@code visit} keep them exact for every writer, per place and
 * local day or month of check-in in the network's time zone, with the visits, the distinct members and the seconds of
 * the closed visits. The open visits of the range (a few: one per member at most) add their time up to {@code now},
 * as the aggregate over {@code visit} did; the result is identical to it.
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
                .addValue("fromDay", LocalDate.ofInstant(from, zone)).addValue("toDay", LocalDate.ofInstant(to, zone))
                .addValue("zone", zone.getId()).addValue("now", at(now));
        StringBuilder filter = new StringBuilder();
        if (place != null) {
            p.addValue("place", place.value());
            filter.append(" and place_id = :place");
        }
        if (operators != null) {
            p.addValue("operators", operators.stream().map(OperatorId::value).toList());
            filter.append(" and place_id in (select id from place where network_id = :network"
                    + " and operator_id in (:operators))");
        }
        boolean days = granularity == Granularity.DAY;
        String table = days ? "attendance_day" : "attendance_month";
        String column = days ? "day" : "month";
        String unit = days ? "day" : "month";
        return jdbc.query("""
                select a.place_id, p.name, a.period, a.visits, a.members,
                       (a.seconds + coalesce(o.seconds, 0))::bigint as seconds
                from (select place_id, %2$s as period, visits, members, seconds
                        from %1$s
                       where network_id = :network and %2$s >= :fromDay and %2$s < :toDay%4$s) a
                left join (select place_id, date_trunc('%3$s', checked_in_at at time zone :zone)::date as period,
                                  sum(extract(epoch from greatest(:now - checked_in_at, interval '0'))) as seconds
                             from visit
                            where network_id = :network and checked_out_at is null
                              and checked_in_at >= :from and checked_in_at < :to%4$s
                            group by 1, 2) o on o.place_id = a.place_id and o.period = a.period
                join place p on p.network_id = :network and p.id = a.place_id
                order by a.period, p.name, a.place_id""".formatted(table, column, unit, filter), p,
                (rs, row) -> new AttendanceLine(new PlaceId(uuid(rs, "place_id")), rs.getString("name"),
                        rs.getObject("period", LocalDate.class), rs.getLong("visits"), rs.getLong("members"),
                        rs.getLong("seconds")));
    }
}
