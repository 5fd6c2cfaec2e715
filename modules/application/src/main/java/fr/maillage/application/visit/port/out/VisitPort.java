package fr.maillage.application.visit.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.visit.ClosedBy;
import fr.maillage.domain.visit.Visit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Visits of the current network (tenant transaction). */
public interface VisitPort {

    /** The member's open visit, if any (there is at most one). */
    Optional<Visit> openVisitOf(MemberId member);

    /**
     * Inserts an open visit, unless the member already has one: then nothing is written and {@code false} comes back
     * (after waiting for a concurrent transaction that opened one to finish, so the caller can read it).
     */
    boolean insertOpen(Visit visit);

    /** Records which membership covers an open visit and the entries consumed so far (after a re-choice). */
    void cover(UUID visit, UUID membership, int entriesConsumed);

    /**
     * Closes the visit if it is still open, in one conditional statement: of concurrent closers (the member, the
     * desk, the automatic closing) exactly one gets {@code true}; the others wait for it and get {@code false}.
     */
    boolean closeIfOpen(UUID visit, Instant at, ClosedBy by);

    /** Adds entries consumed (and blocks the card could not pay) at check-out. */
    void addEntries(UUID visit, int consumed, int shortfall);

    /** Every open visit of the network, oldest first. */
    List<Visit> open();

    Optional<VisitDetails> details(UUID visit);

    /** The member's open visit, with its details. */
    Optional<VisitDetails> openDetailsOf(MemberId member);

    /** Who is in the place now: its open visits, by arrival. */
    List<VisitDetails> openAt(PlaceId place);

    /** The visits to the place that began in {@code [from, to)}, by arrival. */
    List<VisitDetails> ofPlaceBetween(PlaceId place, Instant from, Instant to);

    /** A member's visits, the latest first. */
    Page<VisitDetails> ofMember(MemberId member, PageRequest page);

    /**
     * A visit with what people need to read it: the place's and the member's names, the offer that covered it and
     * the entries its card has left now.
     */
    record VisitDetails(Visit visit, String placeName, String memberName, @Nullable String offerName,
            @Nullable String membershipKind, @Nullable Integer entriesRemaining) {
    }
}
