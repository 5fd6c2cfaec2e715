package fr.maillage.adapter.persistence.setup;

import fr.maillage.application.setup.port.out.ResourcePort;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import fr.maillage.domain.place.ResourceKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Resources of places, in the current network's tenant transaction. */
@Component
class ResourcePersistenceAdapter implements ResourcePort {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    ResourcePersistenceAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Resource> find(UUID id) {
        return Optional.ofNullable(em.find(ResourceEntity.class, id)).map(ResourcePersistenceAdapter::resource);
    }

    @Override
    public List<Resource> ofPlace(PlaceId place) {
        return em.createQuery("select r from ResourceEntity r where r.placeId = :p order by r.name, r.id",
                        ResourceEntity.class)
                .setParameter("p", place.value()).getResultStream().map(ResourcePersistenceAdapter::resource)
                .toList();
    }

    @Override
    public Resource insert(Resource resource) {
        ResourceEntity e = new ResourceEntity();
        e.networkId = resource.network().value();
        e.id = resource.id();
        e.createdAt = clock.instant();
        apply(e, resource);
        em.persist(e);
        em.flush();
        return resource(e);
    }

    @Override
    public Resource update(Resource resource) {
        ResourceEntity e = em.find(ResourceEntity.class, resource.id());
        if (e == null || e.version != resource.version()) {
            throw new StaleVersionException(false);
        }
        apply(e, resource);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        }
        return resource(e);
    }

    private void apply(ResourceEntity e, Resource r) {
        e.placeId = r.place().value();
        e.kind = r.kind().name();
        e.name = r.name();
        e.capacity = r.capacity();
        e.pricePerHourCents = cents(r.pricePerHour());
        e.pricePerHalfDayCents = cents(r.pricePerHalfDay());
        e.pricePerDayCents = cents(r.pricePerDay());
        e.active = r.active();
        e.updatedAt = clock.instant();
    }

    private static @Nullable Long cents(@Nullable Money money) {
        return money == null ? null : money.cents();
    }

    private static @Nullable Money money(@Nullable Long cents) {
        return cents == null ? null : Money.euros(cents);
    }

    private static Resource resource(ResourceEntity e) {
        return new Resource(e.id, new NetworkId(e.networkId), new PlaceId(e.placeId), ResourceKind.valueOf(e.kind),
                e.name, e.capacity, money(e.pricePerHourCents), money(e.pricePerHalfDayCents),
                money(e.pricePerDayCents), e.active, e.version);
    }
}
