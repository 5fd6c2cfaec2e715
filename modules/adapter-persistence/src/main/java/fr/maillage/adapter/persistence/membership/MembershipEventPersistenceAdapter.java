package fr.maillage.adapter.persistence.membership;

import fr.maillage.application.membership.port.out.MembershipEventPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.shared.Ids;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of memberships in {@code membership_event}: appended with the next position of each membership (its
 * row is locked, or new, while events are appended; the unique position refuses any race), never changed.
 */
@Component
class MembershipEventPersistenceAdapter implements MembershipEventPort {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    MembershipEventPersistenceAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void append(List<MembershipEvent> events, Instant recordedAt) {
        Map<UUID, Integer> next = new HashMap<>();
        for (MembershipEvent event : events) {
            UUID membership = event.membership().value();
            int position = next.computeIfAbsent(membership, this::nextPosition);
            next.put(membership, position + 1);
            MembershipEventEntity e = new MembershipEventEntity();
            e.networkId = networkOf(membership);
            e.id = Ids.newId(clock);
            e.membershipId = membership;
            e.position = position;
            e.type = event.type();
            e.occurredAt = event.occurredAt();
            e.recordedAt = recordedAt;
            e.actor = event.actor();
            e.details = JSON.writeValueAsString(event.details());
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public Page<StoredEvent> history(MembershipId membership, PageRequest page) {
        List<StoredEvent> items = em.createQuery("select e from MembershipEventEntity e"
                        + " where e.membershipId = :m order by e.position", MembershipEventEntity.class)
                .setParameter("m", membership.value()).setFirstResult((int) page.offset())
                .setMaxResults(page.size()).getResultStream()
                .map(e -> new StoredEvent(e.id, new MembershipId(e.membershipId), e.position, e.type, e.occurredAt,
                        e.recordedAt, e.actor, JSON.readValue(e.details, DETAILS)))
                .toList();
        long total = em.createQuery("select count(e) from MembershipEventEntity e where e.membershipId = :m",
                Long.class).setParameter("m", membership.value()).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private int nextPosition(UUID membership) {
        Integer last = em.createQuery("select max(e.position) from MembershipEventEntity e"
                + " where e.membershipId = :m", Integer.class).setParameter("m", membership).getSingleResult();
        return last == null ? 1 : last + 1;
    }

    private UUID networkOf(UUID membership) {
        return Objects.requireNonNull(em.find(MembershipEntity.class, membership),
                "no membership " + membership + " in this network").networkId;
    }
}
