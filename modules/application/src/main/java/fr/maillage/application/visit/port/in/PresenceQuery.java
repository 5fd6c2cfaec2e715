package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who is where: the people present in a place now, a place's visits of a day, a member's own visits. */
public interface PresenceQuery {

    /** The open visits of the place ({@code FRONT_DESK}; managers at their operators' places). */
    Presence presence(Caller caller, NetworkSlug network, PlaceId place);

    /**
     * The visits that began at the place on a local date ({@code YYYY-MM-DD}; today when {@code null}), in the
     * network's time zone ({@code FRONT_DESK}; managers at their operators' places).
     */
    DayVisits visitsOfDay(Caller caller, NetworkSlug network, PlaceId place, @Nullable String date);

    /** The caller's own visits, the latest first ({@code SELF_SERVICE}; none when they have no member profile). */
    Page<VisitDetails> myVisits(Caller caller, NetworkSlug network, PageRequest page);

    record Presence(PlaceId place, String placeName, Instant at, List<VisitDetails> visits) {
    }

    record DayVisits(PlaceId place, String placeName, LocalDate date, List<VisitDetails> visits) {
    }
}
