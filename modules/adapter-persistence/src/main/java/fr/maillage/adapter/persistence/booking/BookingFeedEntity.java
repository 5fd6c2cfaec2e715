package fr.maillage.adapter.persistence.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A row of {@code booking_feed}: the hash of a member's current feed token. */
@Entity
@Table(name = "booking_feed")
class BookingFeedEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    @Column(name = "member_id")
    UUID memberId;

    @Column(name = "token_hash")
    byte[] tokenHash;

    @Column(name = "issued_at")
    Instant issuedAt;

    @Version
    long version;
}
