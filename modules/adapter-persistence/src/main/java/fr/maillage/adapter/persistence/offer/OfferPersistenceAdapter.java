package fr.maillage.adapter.persistence.offer;

import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Offers and their chosen places, in the current network's tenant transaction. */
@Component
class OfferPersistenceAdapter implements OfferPort {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    OfferPersistenceAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Offer> find(UUID id) {
        return Optional.ofNullable(em.find(OfferEntity.class, id)).map(this::offer);
    }

    @Override
    public Page<Offer> list(PageRequest page) {
        List<Offer> items = em.createQuery("select o from OfferEntity o order by o.name, o.id", OfferEntity.class)
                .setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultStream().map(this::offer).toList();
        long total = em.createQuery("select count(o) from OfferEntity o", Long.class).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public List<Offer> active(int limit) {
        return em.createQuery("select o from OfferEntity o where o.archived = false order by o.name, o.id",
                        OfferEntity.class)
                .setMaxResults(limit).getResultStream().map(this::offer).toList();
    }

    @Override
    public String stamp() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(version), 0), coalesce(max(updated_at)::text, ''),
                       coalesce(sum(hashtext(id::text)), 0),
                       (select count(*) || '/' || coalesce(sum(hashtext(offer_id::text || place_id::text)), 0)
                        from offer_place)
                from offer""").getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2] + "/" + row[3] + "/" + row[4];
    }

    @Override
    public Offer insert(Offer offer) {
        OfferEntity e = new OfferEntity();
        e.networkId = offer.network().value();
        e.id = offer.id();
        e.createdAt = clock.instant();
        apply(e, offer);
        em.persist(e);
        em.flush();
        writePlaces(offer);
        return offer(e);
    }

    @Override
    public Offer update(Offer offer) {
        OfferEntity e = em.find(OfferEntity.class, offer.id());
        if (e == null || e.version != offer.version()) {
            throw new StaleVersionException(false);
        }
        apply(e, offer);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        }
        writePlaces(offer);
        return offer(e);
    }

    private void writePlaces(Offer offer) {
        em.createNativeQuery("delete from offer_place where offer_id = :o").setParameter("o", offer.id())
                .executeUpdate();
        if (offer.scope() instanceof OfferScope.ChosenPlaces chosen) {
            for (PlaceId place : chosen.places()) {
                em.createNativeQuery("insert into offer_place (network_id, offer_id, place_id) values (:n, :o, :p)")
                        .setParameter("n", offer.network().value()).setParameter("o", offer.id())
                        .setParameter("p", place.value()).executeUpdate();
            }
        }
    }

    private void apply(OfferEntity e, Offer o) {
        e.operatorId = o.operator().value();
        e.name = o.name();
        e.billing = null;
        e.entries = null;
        e.entryMinutes = null;
        e.validity = null;
        switch (o.terms()) {
            case OfferTerms.Subscription s -> {
                e.termsType = "SUBSCRIPTION";
                e.billing = s.billing().name();
            }
            case OfferTerms.Card c -> {
                e.termsType = "CARD";
                e.entries = c.entries();
                e.entryMinutes = (int) c.entryDuration().toMinutes();
                e.validity = c.validity().toString();
            }
            case OfferTerms.DayPass d -> e.termsType = "DAY_PASS";
        }
        e.priceCents = o.price().cents();
        e.vatRateBp = o.vatRate() == null ? null : o.vatRate().basisPoints();
        e.scopeType = switch (o.scope()) {
            case OfferScope.OperatorPlaces p -> "OPERATOR_PLACES";
            case OfferScope.ChosenPlaces p -> "CHOSEN_PLACES";
            case OfferScope.WholeNetwork p -> "WHOLE_NETWORK";
        };
        e.archived = o.archived();
        e.sold = o.sold();
        e.updatedAt = clock.instant();
    }

    private Offer offer(OfferEntity e) {
        OfferTerms terms = switch (e.termsType) {
            case "SUBSCRIPTION" -> new OfferTerms.Subscription(OfferTerms.Billing.valueOf(String.valueOf(e.billing)));
            case "CARD" -> new OfferTerms.Card(requireNonNull(e.entries), Duration.ofMinutes(requireNonNull(
                    e.entryMinutes)), Period.parse(String.valueOf(e.validity)));
            default -> new OfferTerms.DayPass();
        };
        OfferScope scope = switch (e.scopeType) {
            case "OPERATOR_PLACES" -> new OfferScope.OperatorPlaces();
            case "CHOSEN_PLACES" -> new OfferScope.ChosenPlaces(placesOf(e.id));
            default -> new OfferScope.WholeNetwork();
        };
        return new Offer(e.id, new NetworkId(e.networkId), new OperatorId(e.operatorId), e.name, terms,
                Money.euros(e.priceCents), e.vatRateBp == null ? null : new VatRate(e.vatRateBp), scope, e.archived,
                e.sold, e.version);
    }

    private Set<PlaceId> placesOf(UUID offer) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select place_id from offer_place where offer_id = :o order by place_id",
                UUID.class).setParameter("o", offer).getResultList();
        return ids.stream().map(PlaceId::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int requireNonNull(Integer value) {
        return java.util.Objects.requireNonNull(value);
    }
}
