package fr.maillage.adapter.persistence.transaction;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.shared.ServiceUnavailableException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.NetworkId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each use case in one database transaction. A tenant transaction binds the network for Hibernate's tenant
 * filter and sets {@code app.tenant} with {@code set_config(..., true)} as its first statement, so PostgreSQL's
 * row-level security confines it to that network; the setting ends with the transaction, so a pooled connection
 * never carries a tenant into the next one. A database that cannot be reached is reported as such.
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

    private <T> T run(TransactionTemplate template, @Nullable UUID tenant, Supplier<T> work) {
        if (TenantScope.isBound() && tenant != null && !tenant.equals(TenantScope.current())) {
            throw new IllegalStateException("a transaction of one network cannot run inside another's");
        }
        try {
            Supplier<T> transaction = () -> template.execute(status -> {
                if (tenant != null) {
                    entityManager.createNativeQuery("select set_config('app.tenant', :tenant, true)")
                            .setParameter("tenant", tenant.toString())
                            .getSingleResult();
                }
                return work.get();
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
