package fr.maillage.adapter.persistence.booking;

import fr.maillage.application.booking.port.out.BookingPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.booking.Booking;
import fr.maillage.domain.booking.BookingId;
import fr.maillage.domain.booking.BookingStatus;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Bookings, in the current network's tenant transaction. The exclusion constraint {@code booking_no_overlap} refuses
 * an overlapping confirmed booking with SQLState 23P01; it is reported as {@code booking.overlap}.
 */
@Component
class BookingPersistenceAdapter implements BookingPort {

    /** PostgreSQL's exclusion_violation. */
    static final String EXCLUSION_VIOLATION = "23P01";
    static final String NO_OVERLAP = "booking_no_overlap";

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Booking> find(BookingId id) {
        return Optional.ofNullable(em.find(BookingEntity.class, id.value())).map(BookingPersistenceAdapter::booking);
    }

    @Override
    public Booking insert(Booking booking) {
        BookingEntity e = new BookingEntity();
        e.networkId = booking.network().value();
        e.id = booking.id().value();
        e.resourceId = booking.resource();
        e.placeId = booking.place().value();
        e.memberId = booking.member().value();
        e.startsAt = booking.start();
        e.endsAt = booking.end();
        e.bookedBy = booking.bookedBy();
        e.createdAt = booking.createdAt();
        apply(e, booking);
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            throw isOverlap(ex) ? new ConflictException("booking.overlap") : ex;
        }
        return booking(e);
    }

    @Override
    public Booking update(Booking booking) {
        BookingEntity e = em.find(BookingEntity.class, booking.id().value());
        if (e == null || e.version != booking.version()) {
            throw new StaleVersionException(false);
        }
        apply(e, booking);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        }
        return booking(e);
    }

    @Override
    public void lockResource(UUID resource) {
        em.createNativeQuery("select 1 from resource where id = :id for no key update")
                .setParameter("id", resource).getResultList();
    }

    @Override
    public List<Booking> confirmedOf(UUID resource, Instant from, Instant to) {
        // period && [from, to): the GiST index of the exclusion constraint answers it.
        @SuppressWarnings("unchecked")
        List<BookingEntity> rows = em.createNativeQuery("""
                        select b.* from booking b
                        where b.resource_id = :resource and b.status = 'CONFIRMED'
                          and b.period && tstzrange(cast(:from as timestamptz), cast(:to as timestamptz), '[)')
                        order by b.starts_at, b.id""", BookingEntity.class)
                .setParameter("resource", resource).setParameter("from", from).setParameter("to", to)
                .getResultList();
        return rows.stream().map(BookingPersistenceAdapter::booking).toList();
    }

    @Override
    public Page<Booking> ofMember(MemberId member, Instant from, @Nullable Instant to, PageRequest page) {
        String where = " where b.memberId = :m and b.endsAt > :from" + (to == null ? "" : " and b.startsAt < :to");
        TypedQuery<BookingEntity> items = em.createQuery("select b from BookingEntity b" + where
                + " order by b.startsAt, b.id", BookingEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(b) from BookingEntity b" + where, Long.class);
        for (TypedQuery<?> q : List.of(items, count)) {
            q.setParameter("m", member.value()).setParameter("from", from);
            if (to != null) {
                q.setParameter("to", to);
            }
        }
        List<Booking> found = items.setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultStream().map(BookingPersistenceAdapter::booking).toList();
        return new Page<>(found, page.page(), page.size(), count.getSingleResult());
    }

    @Override
    public List<Booking> calendarOf(MemberId member, Instant since, int limit) {
        return em.createQuery("select b from BookingEntity b where b.memberId = :m and b.endsAt > :since"
                        + " order by b.startsAt, b.id", BookingEntity.class)
                .setParameter("m", member.value()).setParameter("since", since).setMaxResults(limit)
                .getResultStream().map(BookingPersistenceAdapter::booking).toList();
    }

    private static void apply(BookingEntity e, Booking b) {
        e.status = b.status().name();
        e.note = b.note();
        e.cancelledAt = b.cancelledAt();
        e.cancelledBy = b.cancelledBy();
        e.cancelReason = b.cancelReason();
        e.updatedAt = b.updatedAt();
    }

    /** Whether PostgreSQL refused the row with the exclusion constraint of bookings (SQLState and name). */
    static boolean isOverlap(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(NO_OVERLAP)) {
                return true;
            }
        }
        return false;
    }

    static Booking booking(BookingEntity e) {
        return new Booking(new BookingId(e.id), new NetworkId(e.networkId), e.resourceId, new PlaceId(e.placeId),
                new MemberId(e.memberId), e.startsAt, e.endsAt, BookingStatus.valueOf(e.status), e.bookedBy, e.note,
                e.cancelledAt, e.cancelledBy, e.cancelReason, e.createdAt, e.updatedAt, e.version);
    }
}
