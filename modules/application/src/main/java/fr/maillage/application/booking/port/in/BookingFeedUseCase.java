package fr.maillage.application.booking.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's private calendar feed of their bookings, for calendar applications (which cannot log in): a secret
 * address. Only a hash of its token is kept, so the token is shown once, when it is issued; rotating issues a new one
 * and the old address stops working.
 */
public interface BookingFeedUseCase {

    /** The member's feed: issued now (with its token) if they had none, else when it was issued (no token). */
    FeedAddress feed(Caller caller, NetworkSlug network);

    /** A new token for the member's feed; the previous address stops working at once. */
    FeedAddress rotateFeed(Caller caller, NetworkSlug network);

    /** A feed; {@code token} only when it was issued by this call. */
    record FeedAddress(@Nullable String token, Instant issuedAt) {
    }
}
