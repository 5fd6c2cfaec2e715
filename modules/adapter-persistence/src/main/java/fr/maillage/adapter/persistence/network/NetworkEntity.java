package fr.maillage.adapter.persistence.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code network}: the platform's list of tenants (not itself tenant-owned). */
@Entity
@Table(name = "network")
class NetworkEntity {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false, length = 40)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false)
    private String[] territory;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "archived_at")
    private @Nullable Instant archivedAt;

    @Column(name = "organization_id", length = 64)
    private @Nullable String organizationId;

    @Column(name = "network_passes_allowed", nullable = false)
    private boolean networkPassesAllowed;

    @Version
    private long version;

    protected NetworkEntity() {
    }

    NetworkEntity(UUID id, String slug, String name, String[] territory, String timeZone, String status,
            Instant createdAt, Instant updatedAt, @Nullable Instant archivedAt, @Nullable String organizationId) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.territory = territory;
        this.timeZone = timeZone;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.archivedAt = archivedAt;
        this.organizationId = organizationId;
    }

    void apply(String name, String[] territory, String timeZone, String status, Instant updatedAt,
            @Nullable Instant archivedAt, @Nullable String organizationId, boolean networkPassesAllowed) {
        this.networkPassesAllowed = networkPassesAllowed;
        this.name = name;
        this.territory = territory;
        this.timeZone = timeZone;
        this.status = status;
        this.updatedAt = updatedAt;
        this.archivedAt = archivedAt;
        this.organizationId = organizationId;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String[] territory() {
        return territory;
    }

    String timeZone() {
        return timeZone;
    }

    String status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Nullable Instant archivedAt() {
        return archivedAt;
    }

    @Nullable String organizationId() {
        return organizationId;
    }

    boolean networkPassesAllowed() {
        return networkPassesAllowed;
    }

    long version() {
        return version;
    }
}
