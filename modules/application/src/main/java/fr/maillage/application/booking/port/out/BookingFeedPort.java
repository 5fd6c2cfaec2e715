package fr.maillage.application.booking.port.out;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Members' calendar feeds: only the SHA-256 of each token is stored (tenant transaction). */
public interface BookingFeedPort {

    /** When the member's current feed token was issued; empty when they have none. */
    Optional<Instant> issuedAt(MemberId member);

    /**
     * Sets the member's feed token (its hash) if they have none; {@code false} (nothing changed) when they have one,
     * be it issued a moment ago by a concurrent call.
     */
    boolean insertIfAbsent(MemberId member, byte[] tokenHash, Instant issuedAt);

    /** Sets the member's feed token (its hash), replacing any previous one. */
    void replace(MemberId member, byte[] tokenHash, Instant issuedAt);

    /** The member whose current feed token has this hash. */
    Optional<MemberId> memberOf(byte[] tokenHash);

    /** The name and time zone of a network, by id (networks are not tenant rows). */
    Optional<FeedNetwork> network(NetworkId id);

    record FeedNetwork(String name, ZoneId zone) {
    }
}
