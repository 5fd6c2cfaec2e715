package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.network.NetworkSlug;
import java.util.UUID;

/**
 * A member's departure: the visit is closed once (concurrent check-outs: one wins, the others get 409) and, under a
 * card, the further started blocks are consumed; if the card has fewer entries left, what is left is consumed and
 * the rest is recorded on the visit as a shortfall for the manager.
 */
public interface CheckOutUseCase {

    /** At the front desk ({@code FRONT_DESK}; managers for visits to their operators' places). */
    VisitDetails checkOutAtDesk(Caller caller, NetworkSlug network, UUID visit);

    /** By the member, of their open visit ({@code SELF_SERVICE}); 409 {@code visit.none-open} when there is none. */
    VisitDetails checkOutMine(Caller caller, NetworkSlug network);
}
