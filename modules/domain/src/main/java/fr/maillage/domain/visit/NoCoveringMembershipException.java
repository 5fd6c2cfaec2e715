package fr.maillage.domain.visit;

import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.shared.ConflictException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * No membership of the member covers a visit to the place on that date (see {@link CoveringRule}). Names the offers
 * the member could buy for this place: the offers on sale whose scope includes it.
 */
public final class NoCoveringMembershipException extends ConflictException {

    private final String placeName;
    private final LocalDate date;
    private final List<Offer> offers;

    public NoCoveringMembershipException(String placeName, LocalDate date, List<Offer> offers) {
        super(offers.isEmpty() ? "check-in.no-membership.no-offer" : "check-in.no-membership", placeName,
                date.toString(), offers.stream().map(Offer::name).collect(Collectors.joining(", ")));
        this.placeName = placeName;
        this.date = date;
        this.offers = List.copyOf(offers);
    }

    public String placeName() {
        return placeName;
    }

    public LocalDate date() {
        return date;
    }

    /** The offers on sale that would cover the place, by name. */
    public List<Offer> offers() {
        return offers;
    }
}
