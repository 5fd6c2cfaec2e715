package fr.maillage.adapter.persistence.audit;

import fr.maillage.application.audit.port.out.AuditEvent;
import fr.maillage.application.audit.port.out.AuditLogPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit log in {@code audit_event}: the application may insert and read, never update or delete. */
@Component
class AuditLogPersistenceAdapter implements AuditLogPort {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public void record(AuditEvent event) {
        entityManager.persist(new AuditEventEntity(event.network().value(), event.id(), event.occurredAt(),
                event.actor(), event.action(), event.target(), JSON.writeValueAsString(new TreeMap<>(event.details()))));
    }

    @Override
    public Page<AuditEvent> recent(NetworkId network, PageRequest page) {
        entityManager.flush();
        List<AuditEvent> items = entityManager.createQuery(
                        "select e from AuditEventEntity e order by e.occurredAt desc, e.id desc", AuditEventEntity.class)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(e -> new AuditEvent(new NetworkId(e.networkId()), e.id(), e.occurredAt(), e.actor(), e.action(),
                        e.target(), JSON.readValue(e.details(), DETAILS)))
                .toList();
        long total = entityManager.createQuery("select count(e) from AuditEventEntity e", Long.class)
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
