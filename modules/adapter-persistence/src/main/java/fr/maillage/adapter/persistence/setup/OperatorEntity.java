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

/** A row of {@code operator}. */
@Entity
@Table(name = "operator")
class OperatorEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "legal_name")
    String legalName;

    String siren;

    @Column(name = "address_line1")
    String addressLine1;

    @Column(name = "address_line2")
    @Nullable String addressLine2;

    @Column(name = "postal_code")
    String postalCode;

    String town;

    @Column(name = "vat_regime")
    String vatRegime;

    @Column(name = "vat_rates")
    int[] vatRates;

    @Column(name = "vat_legal_basis")
    @Nullable String vatLegalBasis;

    @Column(name = "invoice_prefix")
    String invoicePrefix;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;
}
