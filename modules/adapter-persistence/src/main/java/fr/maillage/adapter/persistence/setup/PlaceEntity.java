package fr.maillage.adapter.persistence.setup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A row of {@code place}. */
@Entity
@Table(name = "place")
class PlaceEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "operator_id")
    UUID operatorId;

    String slug;
    String name;
    String[] kinds;

    @Column(name = "address_line1")
    String addressLine1;

    @Column(name = "address_line2")
    @Nullable String addressLine2;

    @Column(name = "postal_code")
    String postalCode;

    String town;
    String commune;

    @Column(name = "insee_code")
    String inseeCode;

    String departement;
    double latitude;
    double longitude;
    int capacity;
    String[] services;

    @Column(name = "services_note")
    @Nullable String servicesNote;

    @Column(name = "step_free_access")
    boolean stepFreeAccess;

    @Column(name = "accessible_toilets")
    boolean accessibleToilets;

    @Column(name = "accessibility_note")
    @Nullable String accessibilityNote;

    String status;

    @Column(name = "description_fr")
    @Nullable String descriptionFr;

    @Column(name = "description_en")
    @Nullable String descriptionEn;

    @Column(name = "opening_hours")
    @ColumnTransformer(read = "opening_hours::text", write = "?::jsonb")
    String openingHours;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;
}
