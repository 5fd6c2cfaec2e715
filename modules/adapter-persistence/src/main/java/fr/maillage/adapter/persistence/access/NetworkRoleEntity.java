package fr.maillage.adapter.persistence.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A row of {@code network_role}: tenant-owned, filtered by the current network. */
@Entity
@Table(name = "network_role")
class NetworkRoleEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    private UUID networkId;

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false, length = 64)
    private String subject;

    @Column(nullable = false, updatable = false, length = 16)
    private String role;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false, length = 64)
    private String grantedBy;

    protected NetworkRoleEntity() {
    }

    NetworkRoleEntity(UUID networkId, UUID id, String subject, String role, String email, Instant grantedAt,
            String grantedBy) {
        this.networkId = networkId;
        this.id = id;
        this.subject = subject;
        this.role = role;
        this.email = email;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    String subject() {
        return subject;
    }

    String role() {
        return role;
    }

    String email() {
        return email;
    }
}
