package fr.maillage.adapter.persistence.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code membership} (its chosen places are in {@code membership_place}). {@code entries_remaining} is
 * written once, at the sale: check-ins consume entries with their own conditional update, which this entity must
 * never overwrite.
 */
@Entity
@Table(name = "membership")
class MembershipEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    UUID id;

    @Column(name = "member_id", updatable = false)
    UUID memberId;

    @Column(name = "offer_id", updatable = false)
    UUID offerId;

    @Column(name = "operator_id", updatable = false)
    UUID operatorId;

    @Column(updatable = false)
    String kind;

    String status;

    @Column(name = "offer_name", updatable = false)
    String offerName;

    @Column(name = "price_cents", updatable = false)
    long priceCents;

    @Column(name = "vat_rate_bp", updatable = false)
    @Nullable Integer vatRateBp;

    @Column(name = "scope_type", updatable = false)
    String scopeType;

    @Column(updatable = false)
    @Nullable String billing;

    @Column(name = "entries_total", updatable = false)
    @Nullable Integer entriesTotal;

    @Column(name = "entries_remaining", updatable = false)
    @Nullable Integer entriesRemaining;

    @Column(name = "entry_minutes", updatable = false)
    @Nullable Integer entryMinutes;

    @Column(updatable = false)
    @Nullable String validity;

    @Column(name = "valid_from")
    @Nullable LocalDate validFrom;

    @Column(name = "valid_until")
    @Nullable LocalDate validUntil;

    @Column(name = "period_anchor", updatable = false)
    @Nullable LocalDate periodAnchor;

    @Column(name = "amount_paid_cents")
    long amountPaidCents;

    @Column(name = "renewal_of", updatable = false)
    @Nullable UUID renewalOf;

    @Column(name = "auto_renew")
    boolean autoRenew;

    @Column(name = "sold_at", updatable = false)
    Instant soldAt;

    @Column(name = "sold_by", updatable = false)
    String soldBy;

    @Column(name = "sold_online", updatable = false)
    boolean soldOnline;

    @Column(name = "activated_at")
    @Nullable Instant activatedAt;

    @Column(name = "ended_at")
    @Nullable Instant endedAt;

    @Column(name = "cancel_reason")
    @Nullable String cancelReason;

    @Column(name = "created_at", updatable = false)
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Version
    long version;
}
