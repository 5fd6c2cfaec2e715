package fr.maillage.adapter.persistence.transaction;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.shared.ServiceUnavailableException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.NetworkId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each use case in one database transaction. A tenant transaction binds the network for Hibernate's tenant
 * filter and sets {@code app.tenant} with {@code set_config(..., true)} as its first statement, so PostgreSQL's
 * row-level security confines it to that network; the setting ends with the transaction, so a pooled connection
 * never carries a tenant into the next one. The same statement reads the network's row (version, status, time zone):
 * the access policy's copy of the network is checked against it, and the adapters find the network's time zone
 * ({@link #currentZone()}) without asking PostgreSQL again. A database that cannot be reached is reported as such.
 */
@Component
public class TransactionalUnitOfWork implements UnitOfWorkPort {

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;

    @PersistenceContext
    private EntityManager entityManager;

    public TransactionalUnitOfWork(PlatformTransactionManager transactionManager) {
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The time zone of the current tenant transaction's network, as its first statement read it. */
    private static final Object ZONE_KEY = new Object();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(readWrite, null, work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(readOnly, null, work);
    }

    @Override
    public <T> T inTenant(NetworkId tenant, Supplier<T> work) {
        return run(readWrite, tenant.value(), work);
    }

    @Override
    public <T> T readOnlyInTenant(NetworkId tenant, Supplier<T> work) {
        return run(readOnly, tenant.value(), work);
    }

    @Override
    public <T> T inTenant(NetworkId tenant, boolean readOnly, Function<@Nullable String, T> work) {
        String[] state = new String[1];
        return run(readOnly ? this.readOnly : readWrite, tenant.value(), state, () -> work.apply(state[0]));
    }

    /**
     * The time zone of the network of the current tenant transaction (read with the tenant binding), or {@code null}
     * outside one.
     */
    public static @Nullable ZoneId currentZone() {
        return (ZoneId) TransactionSynchronizationManager.getResource(ZONE_KEY);
    }

    private <T> T run(TransactionTemplate template, @Nullable UUID tenant, Supplier<T> work) {
        return run(template, tenant, new String[1], work);
    }

    private <T> T run(TransactionTemplate template, @Nullable UUID tenant, @Nullable String[] state,
            Supplier<T> work) {
        if (TenantScope.isBound() && tenant != null && !tenant.equals(TenantScope.current())) {
            throw new IllegalStateException("a transaction of one network cannot run inside another's");
        }
        try {
            Supplier<T> transaction = () -> template.execute(status -> {
                if (tenant == null) {
                    return work.get();
                }
                Object[] row = (Object[]) entityManager.createNativeQuery(
                        "select set_config('app.tenant', :tenant, true), n.version, n.status, n.time_zone"
                                + " from (select 1) one left join network n on n.id = cast(:tenant as uuid)")
                        .setParameter("tenant", tenant.toString())
                        .getSingleResult();
                if (row[1] == null) {
                    return work.get();
                }
                state[0] = UnitOfWorkPort.networkState(((Number) row[1]).longValue(), (String) row[2],
                        (String) row[3]);
                if (TransactionSynchronizationManager.hasResource(ZONE_KEY)) {
                    return work.get();
                }
                TransactionSynchronizationManager.bindResource(ZONE_KEY, ZoneId.of((String) row[3]));
                try {
                    return work.get();
                } finally {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ZONE_KEY);
                }
            });
            T result = tenant == null ? transaction.get() : TenantScope.run(tenant, transaction);
            if (result == null) {
                throw new IllegalStateException("a use case returned nothing from its transaction");
            }
            return result;
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException | QueryTimeoutException e) {
            throw new ServiceUnavailableException("database", e);
        }
    }
}
