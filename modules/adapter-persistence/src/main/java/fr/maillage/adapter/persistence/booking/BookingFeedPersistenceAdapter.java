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

/**
 * Members' calendar feeds (hashes of their tokens), in the current network's tenant transaction. Written with
 * {@code insert ... on conflict}, so that two first calls at once issue one token, never a 500.
 */
@Component
class BookingFeedPersistenceAdapter implements BookingFeedPort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Instant> issuedAt(MemberId member) {
        return Optional.ofNullable(em.find(BookingFeedEntity.class, member.value())).map(f -> f.issuedAt);
    }

    @Override
    public boolean insertIfAbsent(MemberId member, byte[] tokenHash, Instant issuedAt) {
        return em.createNativeQuery("""
                        insert into booking_feed (network_id, member_id, token_hash, issued_at)
                        values (:network, :member, :hash, :issued)
                        on conflict (network_id, member_id) do nothing""")
                .setParameter("network", TenantScope.current()).setParameter("member", member.value())
                .setParameter("hash", tokenHash).setParameter("issued", issuedAt).executeUpdate() == 1;
    }

    @Override
    public void replace(MemberId member, byte[] tokenHash, Instant issuedAt) {
        em.createNativeQuery("""
                        insert into booking_feed (network_id, member_id, token_hash, issued_at)
                        values (:network, :member, :hash, :issued)
                        on conflict (network_id, member_id) do update
                        set token_hash = excluded.token_hash, issued_at = excluded.issued_at,
                            version = booking_feed.version + 1""")
                .setParameter("network", TenantScope.current()).setParameter("member", member.value())
                .setParameter("hash", tokenHash).setParameter("issued", issuedAt).executeUpdate();
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
