package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import java.time.Instant;

/** The current check-in token of a place, for the QR code shown there ({@code FRONT_DESK}, managers' places). */
public interface CheckInCodeQuery {

    CheckInCode checkInCode(Caller caller, NetworkSlug network, PlaceId place);

    /** The token of the current window: show a new one from {@code renewAt}; it is refused from {@code expiresAt}. */
    record CheckInCode(PlaceId place, String placeName, String token, Instant renewAt, Instant expiresAt) {
    }
}
