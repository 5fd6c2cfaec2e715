package fr.maillage.adapter.persistence.membership;

import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.MembershipKind;
import fr.maillage.domain.membership.MembershipStatus;
import fr.maillage.domain.membership.OfferSnapshot;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Memberships and the places chosen at their sale, in the current network's tenant transaction. */
@Component
class MembershipPersistenceAdapter implements MembershipPort {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    MembershipPersistenceAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Membership> find(MembershipId id) {
        return Optional.ofNullable(em.find(MembershipEntity.class, id.value())).map(this::membership);
    }

    @Override
    public Optional<Membership> findForUpdate(MembershipId id) {
        return Optional.ofNullable(em.find(MembershipEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(this::membership);
    }

    @Override
    public Page<Membership> ofMember(MemberId member, @Nullable Set<OperatorId> sellers, PageRequest page) {
        if (sellers != null && sellers.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        String where = " where m.memberId = :member" + (sellers == null ? "" : " and m.operatorId in :sellers");
        TypedQuery<MembershipEntity> items = em.createQuery("select m from MembershipEntity m" + where
                + " order by m.soldAt desc, m.id desc", MembershipEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(m) from MembershipEntity m" + where, Long.class);
        items.setParameter("member", member.value());
        count.setParameter("member", member.value());
        if (sellers != null) {
            List<UUID> ids = sellers.stream().map(OperatorId::value).toList();
            items.setParameter("sellers", ids);
            count.setParameter("sellers", ids);
        }
        List<MembershipEntity> found = items.setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultList();
        return new Page<>(memberships(found), page.page(), page.size(), count.getSingleResult());
    }

    @Override
    public List<Membership> dueToExpire(LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from membership
                        where status = 'ACTIVE' and valid_until < :today
                        order by valid_until, id
                        limit :limit
                        for update skip locked""", UUID.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList();
        List<MembershipEntity> found = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            found.add(Objects.requireNonNull(em.find(MembershipEntity.class, id)));
        }
        return memberships(found);
    }

    @Override
    public boolean hasRenewal(MembershipId id) {
        return em.createQuery("select count(m) from MembershipEntity m where m.renewalOf = :id", Long.class)
                .setParameter("id", id.value()).getSingleResult() > 0;
    }

    @Override
    public Membership insert(Membership m) {
        MembershipEntity e = new MembershipEntity();
        e.networkId = m.network().value();
        e.id = m.id().value();
        e.memberId = m.member().value();
        OfferSnapshot offer = m.offer();
        e.offerId = offer.offer();
        e.operatorId = offer.operator().value();
        e.kind = offer.kind().name();
        e.offerName = offer.name();
        e.priceCents = offer.price().cents();
        e.vatRateBp = offer.vatRate() == null ? null : offer.vatRate().basisPoints();
        e.scopeType = switch (offer.scope()) {
            case OfferScope.OperatorPlaces p -> "OPERATOR_PLACES";
            case OfferScope.ChosenPlaces p -> "CHOSEN_PLACES";
            case OfferScope.WholeNetwork p -> "WHOLE_NETWORK";
        };
        switch (offer.terms()) {
            case OfferTerms.Subscription s -> e.billing = s.billing().name();
            case OfferTerms.Card c -> {
                e.entriesTotal = c.entries();
                e.entryMinutes = (int) c.entryDuration().toMinutes();
                e.validity = c.validity().toString();
            }
            case OfferTerms.DayPass d -> {
            }
        }
        e.entriesRemaining = m.entriesRemaining();
        e.periodAnchor = m.periodAnchor();
        e.renewalOf = m.renewalOf() == null ? null : m.renewalOf().value();
        e.soldAt = m.soldAt();
        e.soldBy = m.soldBy();
        e.soldOnline = m.soldOnline();
        e.createdAt = clock.instant();
        apply(e, m);
        em.persist(e);
        em.flush();
        if (offer.scope() instanceof OfferScope.ChosenPlaces chosen) {
            for (PlaceId place : chosen.places()) {
                em.createNativeQuery("insert into membership_place (network_id, membership_id, place_id)"
                                + " values (:n, :m, :p)")
                        .setParameter("n", e.networkId).setParameter("m", e.id).setParameter("p", place.value())
                        .executeUpdate();
            }
        }
        return membership(e);
    }

    @Override
    public Membership update(Membership m) {
        MembershipEntity e = em.find(MembershipEntity.class, m.id().value());
        if (e == null || e.version != m.version()) {
            throw new StaleVersionException(false);
        }
        apply(e, m);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        }
        return membership(e);
    }

    @Override
    public void markOfferSold(UUID offer) {
        em.createNativeQuery("update offer set sold = true, version = version + 1, updated_at = :now"
                        + " where id = :id and not sold")
                .setParameter("now", clock.instant()).setParameter("id", offer).executeUpdate();
    }

    /** What changes over a membership's life (what was sold never does). */
    private void apply(MembershipEntity e, Membership m) {
        e.status = m.status().name();
        e.validFrom = m.validFrom();
        e.validUntil = m.validUntil();
        e.amountPaidCents = m.amountPaid().cents();
        e.autoRenew = m.autoRenew();
        e.activatedAt = m.activatedAt();
        e.endedAt = m.endedAt();
        e.cancelReason = m.cancelReason();
        e.updatedAt = clock.instant();
    }

    private Membership membership(MembershipEntity e) {
        return memberships(List.of(e)).getFirst();
    }

    /** Maps rows, reading the chosen places of them all in one query. */
    private List<Membership> memberships(List<MembershipEntity> rows) {
        List<UUID> chosen = rows.stream().filter(e -> e.scopeType.equals("CHOSEN_PLACES")).map(e -> e.id).toList();
        Map<UUID, Set<PlaceId>> places = new HashMap<>();
        if (!chosen.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> pairs = em.createNativeQuery("select membership_id, place_id from membership_place"
                    + " where membership_id in (:ids) order by membership_id, place_id").setParameter("ids", chosen)
                    .getResultList();
            for (Object[] pair : pairs) {
                places.computeIfAbsent((UUID) pair[0], k -> new LinkedHashSet<>()).add(new PlaceId((UUID) pair[1]));
            }
        }
        return rows.stream().map(e -> membership(e, places.getOrDefault(e.id, Set.of()))).toList();
    }

    private static Membership membership(MembershipEntity e, Set<PlaceId> places) {
        MembershipKind kind = MembershipKind.valueOf(e.kind);
        OfferTerms terms = switch (kind) {
            case SUBSCRIPTION -> new OfferTerms.Subscription(OfferTerms.Billing.valueOf(String.valueOf(e.billing)));
            case CARD -> new OfferTerms.Card(Objects.requireNonNull(e.entriesTotal),
                    Duration.ofMinutes(Objects.requireNonNull(e.entryMinutes)),
                    Period.parse(String.valueOf(e.validity)));
            case DAY_PASS -> new OfferTerms.DayPass();
        };
        OfferScope scope = switch (e.scopeType) {
            case "OPERATOR_PLACES" -> new OfferScope.OperatorPlaces();
            case "CHOSEN_PLACES" -> new OfferScope.ChosenPlaces(places);
            default -> new OfferScope.WholeNetwork();
        };
        OfferSnapshot offer = new OfferSnapshot(e.offerId, new OperatorId(e.operatorId), e.offerName, terms,
                Money.euros(e.priceCents), e.vatRateBp == null ? null : new VatRate(e.vatRateBp), scope);
        // Rows written without an anchor (by hand, or by tests of other modules) count periods from their start.
        LocalDate anchor = kind == MembershipKind.SUBSCRIPTION
                ? (e.periodAnchor != null ? e.periodAnchor : e.validFrom) : null;
        return new Membership(new MembershipId(e.id), new NetworkId(e.networkId), new MemberId(e.memberId), offer,
                MembershipStatus.valueOf(e.status), e.entriesRemaining, e.validFrom, e.validUntil, anchor,
                Money.euros(e.amountPaidCents), e.renewalOf == null ? null : new MembershipId(e.renewalOf),
                e.autoRenew, e.soldAt, e.soldBy, e.soldOnline, e.activatedAt, e.endedAt, e.cancelReason, e.version);
    }
}
