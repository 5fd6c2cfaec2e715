package fr.maillage.application.visit.port.in;

import java.time.Instant;

/**
 * Closes the open visits of every network whose place has closed ({@link fr.maillage.domain.visit.AutoClose}): run
 * every minute by a scheduler. The check-out instant is the closing time, {@code closed_by} is {@code AUTO}, and the
 * entries are consumed as for any check-out.
 */
public interface CloseDueVisitsUseCase {

    /** @return the number of visits closed */
    int closeDueVisits(Instant now);
}
