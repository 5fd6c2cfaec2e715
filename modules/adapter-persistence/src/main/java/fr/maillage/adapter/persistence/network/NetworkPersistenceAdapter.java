package fr.maillage.adapter.persistence.network;

import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkName;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkSlugTakenException;
import fr.maillage.domain.network.NetworkStatus;
import fr.maillage.domain.network.NetworkTimeZone;
import fr.maillage.domain.network.Territory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.stereotype.Component;

/** Stores networks in the {@code network} table. Must run inside a transaction (see the unit of work). */
@Component
class NetworkPersistenceAdapter implements LoadNetworkPort, SaveNetworkPort {

    static final String SLUG_UNIQUE_CONSTRAINT = "network_slug_key";

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<Network> findBySlug(NetworkSlug slug) {
        return entityManager.createQuery("select n from NetworkEntity n where n.slug = :slug", NetworkEntity.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst()
                .map(NetworkPersistenceAdapter::toDomain);
    }

    @Override
    public Page<Network> list(NetworkListCriteria criteria) {
        String where = criteria.status() == null ? "" : " where n.status = :status";
        var query = entityManager.createQuery("select n from NetworkEntity n" + where + " order by n.slug",
                NetworkEntity.class);
        var count = entityManager.createQuery("select count(n) from NetworkEntity n" + where, Long.class);
        if (criteria.status() != null) {
            query.setParameter("status", criteria.status().name());
            count.setParameter("status", criteria.status().name());
        }
        List<Network> items = query.setFirstResult((int) criteria.page().offset())
                .setMaxResults(criteria.page().size())
                .getResultStream()
                .map(NetworkPersistenceAdapter::toDomain)
                .toList();
        return new Page<>(items, criteria.page().page(), criteria.page().size(), count.getSingleResult());
    }

    @Override
    public Network insert(Network network) {
        NetworkEntity entity = new NetworkEntity(network.id().value(), network.slug().value(), network.name().value(),
                network.territory().codes().toArray(String[]::new), network.timeZone().id(), network.status().name(),
                network.createdAt(), network.updatedAt(), network.archivedAt(), network.organizationId());
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            if (SLUG_UNIQUE_CONSTRAINT.equals(e.getConstraintName())) {
                throw new NetworkSlugTakenException(network.slug());
            }
            throw e;
        }
        return toDomain(entity);
    }

    @Override
    public Network update(Network network) {
        NetworkEntity entity = entityManager.find(NetworkEntity.class, network.id().value());
        if (entity == null || entity.version() != network.version()) {
            throw new StaleVersionException(false);
        }
        entity.apply(network.name().value(), network.territory().codes().toArray(String[]::new),
                network.timeZone().id(), network.status().name(), network.updatedAt(), network.archivedAt(),
                network.organizationId(), network.networkPassesAllowed());
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(false);
        }
        return toDomain(entity);
    }

    static Network toDomain(NetworkEntity e) {
        return Network.rehydrate(new NetworkId(e.id()), new NetworkSlug(e.slug()), new NetworkName(e.name()),
                Territory.of(List.of(e.territory())), NetworkTimeZone.of(e.timeZone()),
                NetworkStatus.valueOf(e.status()), e.createdAt(), e.updatedAt(), e.archivedAt(), e.organizationId(),
                e.networkPassesAllowed(), e.version());
    }
}
