package fr.maillage.adapter.persistence.setup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A row of {@code resource}. */
@Entity
@Table(name = "resource")
class ResourceEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "place_id")
    UUID placeId;

    String kind;

    String name;

    int capacity;

    @Column(name = "price_per_hour_cents")
    @Nullable Long pricePerHourCents;

    @Column(name = "price_per_half_day_cents")
    @Nullable Long pricePerHalfDayCents;

    @Column(name = "price_per_day_cents")
    @Nullable Long pricePerDayCents;

    boolean active;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;
}
