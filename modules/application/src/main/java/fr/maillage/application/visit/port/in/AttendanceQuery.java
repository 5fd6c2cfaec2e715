package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.port.out.AttendancePort.AttendanceLine;
import fr.maillage.application.visit.port.out.AttendancePort.Granularity;
import fr.maillage.domain.network.NetworkSlug;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Visits per place and day or month, distinct members and hours of presence, in the network's time zone
 * ({@code READ_REPORTS}; managers see the places of the operators they run, another place asked for is 404).
 */
public interface AttendanceQuery {

    Attendance attendance(Caller caller, NetworkSlug network, AttendanceCriteria.Raw criteria);

    record Attendance(Granularity granularity, LocalDate from, LocalDate to, ZoneId zone, List<AttendanceLine> lines) {
    }
}
