package fr.maillage.adapter.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A row of {@code audit_event}: tenant-owned, filtered by the current network, never updated. */
@Entity
@Table(name = "audit_event")
class AuditEventEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    private UUID networkId;

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(updatable = false, length = 200)
    private @Nullable String target;

    @Column(nullable = false, updatable = false)
    @ColumnTransformer(read = "details::text", write = "?::jsonb")
    private String details;

    protected AuditEventEntity() {
    }

    AuditEventEntity(UUID networkId, UUID id, Instant occurredAt, String actor, String action,
            @Nullable String target, String details) {
        this.networkId = networkId;
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.details = details;
    }

    UUID networkId() {
        return networkId;
    }

    UUID id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    @Nullable String target() {
        return target;
    }

    String details() {
        return details;
    }
}
