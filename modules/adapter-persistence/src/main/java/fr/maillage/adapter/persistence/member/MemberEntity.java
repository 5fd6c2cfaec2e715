package fr.maillage.adapter.persistence.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A row of {@code member}. */
@Entity
@Table(name = "member")
class MemberEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Nullable String subject;

    String email;

    @Column(name = "given_name")
    String givenName;

    @Column(name = "family_name")
    String familyName;

    @Nullable String phone;

    @Nullable String company;

    @Column(name = "address_line1")
    @Nullable String addressLine1;

    @Column(name = "address_line2")
    @Nullable String addressLine2;

    @Column(name = "postal_code")
    @Nullable String postalCode;

    @Nullable String town;

    @Column(name = "terms_accepted_at")
    @Nullable Instant termsAcceptedAt;

    boolean newsletter;

    /** "fr" or "en": the language the member is written to in. */
    String language;

    String status;

    String source;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "erased_at")
    @Nullable Instant erasedAt;

    @Version
    long version;
}
