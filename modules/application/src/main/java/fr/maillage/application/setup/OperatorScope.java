package fr.maillage.application.setup;

import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which operators a caller acts for in a network: every operator for animators and platform admins, the operators
 * they run for a manager. The one place where that rule is written; the services of places, resources, offers,
 * memberships, bookings and check-ins ask it.
 */
public final class OperatorScope {

    private OperatorScope() {
    }

    /** The operators the caller acts for, or {@code null} for every operator of the network. */
    public static @Nullable Set<OperatorId> of(OperatorPort operators, NetworkAccess granted, Caller caller) {
        return granted.administersNetwork() ? null : operators.operatorsOfManager(caller.subject());
    }

    /** Whether the caller acts for this operator. */
    public static boolean runs(OperatorPort operators, NetworkAccess granted, Caller caller, OperatorId operator) {
        return granted.administersNetwork() || operators.operatorsOfManager(caller.subject()).contains(operator);
    }

    /** The place, if the caller acts for its operator; otherwise, for them, it does not exist ("place.not-found"). */
    public static StoredPlace place(PlacePort places, OperatorPort operators, NetworkAccess granted, Caller caller,
            PlaceId id) {
        return places.find(id).filter(p -> runs(operators, granted, caller, p.place().operator()))
                .orElseThrow(() -> new NotFoundException("place.not-found"));
    }
}
