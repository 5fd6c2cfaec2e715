package fr.maillage.adapter.persistence.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A row of {@code payment}: inserted, never updated. */
@Entity
@Immutable
@Table(name = "payment")
class PaymentEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "membership_id")
    UUID membershipId;

    String method;

    @Column(name = "amount_cents")
    long amountCents;

    @Nullable String reference;

    @Column(name = "received_on")
    LocalDate receivedOn;

    @Column(name = "recorded_at")
    Instant recordedAt;

    @Column(name = "recorded_by")
    String recordedBy;

    @Column(name = "idempotency_key")
    @Nullable String idempotencyKey;
}
