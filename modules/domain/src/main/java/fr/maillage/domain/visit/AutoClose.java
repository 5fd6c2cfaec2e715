package fr.maillage.domain.visit;

import fr.maillage.domain.hours.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When an open visit is closed automatically (the member forgot to check out):
 * <ul>
 * <li>a visit that began while the place was open ends at the closing of that opening period
 * ({@link OpeningHours#currentClosing}: a place open until 24:00 and again from 00:00 closes at the end of the whole
 * period);</li>
 * <li>a visit that began while the place was closed (a manager's override) ends at the end of that local day
 * (midnight, network time), or at the next opening if it comes first — it never runs into the next opening.</li>
 * </ul>
 * The visit's check-out instant is that closing, not the moment the job notices it, so the entries consumed are
 * those of the real presence.
 */
public final class AutoClose {

    private AutoClose() {
    }

    /** The instant an open visit that began at {@code checkedInAt} is due to be closed. */
    public static Instant dueAt(OpeningHours hours, Instant checkedInAt) {
        return hours.currentClosing(checkedInAt).orElseGet(() -> {
            Instant endOfDay = LocalDate.ofInstant(checkedInAt, hours.zone()).plusDays(1)
                    .atStartOfDay(hours.zone()).toInstant();
            return hours.nextOpening(checkedInAt).filter(next -> next.isBefore(endOfDay)).orElse(endOfDay);
        });
    }
}
