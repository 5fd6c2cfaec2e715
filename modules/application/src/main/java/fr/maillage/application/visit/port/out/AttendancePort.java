package fr.maillage.application.visit.port.out;

import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Visits added up per place and period, computed by the database. */
public interface AttendancePort {

    enum Granularity { DAY, MONTH }

    /**
     * The visits that began in {@code [from, to)}, per place and local day or month of their check-in in
     * {@code zone}: their number, the distinct members, the seconds of presence (an open visit counts until
     * {@code now}). Only {@code place} when given; only the places of {@code operators} unless {@code null}. Sorted by
     * period, then place name. Periods without visits are absent.
     */
    List<AttendanceLine> attendance(Granularity granularity, Instant from, Instant to, ZoneId zone,
            @Nullable PlaceId place, @Nullable Set<OperatorId> operators, Instant now);

    /** @param period the day, or the first day of the month */
    record AttendanceLine(PlaceId place, String placeName, LocalDate period, long visits, long members,
            long presenceSeconds) {
    }
}
