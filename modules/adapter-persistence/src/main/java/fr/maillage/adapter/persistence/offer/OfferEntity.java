package fr.maillage.adapter.persistence.offer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A row of {@code offer} (its chosen places are in {@code offer_place}). */
@Entity
@Table(name = "offer")
class OfferEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "operator_id")
    UUID operatorId;

    String name;

    @Column(name = "terms_type")
    String termsType;

    @Nullable String billing;

    @Nullable Integer entries;

    @Column(name = "entry_minutes")
    @Nullable Integer entryMinutes;

    @Nullable String validity;

    @Column(name = "price_cents")
    long priceCents;

    @Column(name = "vat_rate_bp")
    @Nullable Integer vatRateBp;

    @Column(name = "scope_type")
    String scopeType;

    boolean archived;

    boolean sold;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;
}
