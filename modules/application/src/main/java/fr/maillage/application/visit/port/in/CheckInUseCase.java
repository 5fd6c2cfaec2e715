package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import org.jspecify.annotations.Nullable;

/**
 * A member's arrival in a place: the covering membership is chosen ({@link fr.maillage.domain.visit.CoveringRule}),
 * the first entry of a card is consumed and written to the usage ledger, and the visit is opened — all in one
 * transaction. Refused (409) outside the opening hours (a manager may override with a reason), at a place that is not
 * open, when the member already has an open visit, or when no membership covers the visit (the problem names the
 * offers on sale for the place).
 */
public interface CheckInUseCase {

    /**
     * At the front desk ({@code FRONT_DESK}; managers at the places of the operators they run, others' places are
     * 404).
     */
    VisitDetails checkInAtDesk(Caller caller, NetworkSlug network, PlaceId place, DeskCheckInCommand.Raw command);

    /**
     * By the member, with the token of the place's QR code ({@code SELF_SERVICE}; the caller's member profile): 400
     * {@code check-in.token.invalid} for a tampered or foreign token, {@code check-in.token.expired} for an old one.
     */
    VisitDetails checkInWithToken(Caller caller, NetworkSlug network, @Nullable String token);
}
