package fr.maillage.adapter.persistence.setup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A row of {@code manager_operator}: a manager runs this operator. */
@Entity
@Table(name = "manager_operator")
@IdClass(ManagerOperatorEntity.Key.class)
class ManagerOperatorEntity {

    @TenantId
    @Column(name = "network_id", nullable = false, updatable = false)
    UUID networkId;

    @Id
    String subject;

    @Id
    @Column(name = "operator_id")
    UUID operatorId;

    record Key(String subject, UUID operatorId) implements Serializable {
    }
}
