package fr.maillage.adapter.persistence.booking;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.booking.port.out.BookingFeedPort;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Members' calendar feeds (hashes of their tokens), in the current network's tenant transaction. */
@Component
class BookingFeedPersistenceAdapter implements BookingFeedPort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Instant> issuedAt(MemberId member) {
        return Optional.ofNullable(em.find(BookingFeedEntity.class, member.value())).map(f -> f.issuedAt);
    }

    @Override
    public void save(MemberId member, byte[] tokenHash, Instant issuedAt) {
        BookingFeedEntity e = em.find(BookingFeedEntity.class, member.value());
        boolean first = e == null;
        if (first) {
            e = new BookingFeedEntity();
            e.networkId = TenantScope.current();
            e.memberId = member.value();
        }
        e.tokenHash = tokenHash.clone();
        e.issuedAt = issuedAt;
        if (first) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public Optional<MemberId> memberOf(byte[] tokenHash) {
        return em.createQuery("select f.memberId from BookingFeedEntity f where f.tokenHash = :h",
                        java.util.UUID.class)
                .setParameter("h", tokenHash).getResultStream().findFirst().map(MemberId::new);
    }

    @Override
    public Optional<FeedNetwork> network(NetworkId id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, time_zone from network where id = :id")
                .setParameter("id", id.value()).getResultList();
        return rows.stream().findFirst().map(r -> new FeedNetwork((String) r[0], ZoneId.of((String) r[1])));
    }
}
