package fr.maillage.adapter.persistence.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** A row of {@code membership_event}: appended, never updated. */
@Entity
@Immutable
@Table(name = "membership_event")
class MembershipEventEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "membership_id")
    UUID membershipId;

    int position;

    String type;

    @Column(name = "occurred_at")
    Instant occurredAt;

    @Column(name = "recorded_at")
    Instant recordedAt;

    String actor;

    @ColumnTransformer(read = "details::text", write = "?::jsonb")
    String details;
}
