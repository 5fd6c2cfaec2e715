package fr.maillage.adapter.persistence.transaction;

import fr.maillage.application.shared.ServiceUnavailableException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs each use case in one database transaction; a database that cannot be reached is reported as such. */
@Component
public class TransactionalUnitOfWork implements UnitOfWorkPort {

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;

    public TransactionalUnitOfWork(PlatformTransactionManager transactionManager) {
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(readWrite, work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(readOnly, work);
    }

    private static <T> T run(TransactionTemplate template, Supplier<T> work) {
        try {
            T result = template.execute(status -> work.get());
            if (result == null) {
                throw new IllegalStateException("a use case returned nothing from its transaction");
            }
            return result;
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException | QueryTimeoutException e) {
            throw new ServiceUnavailableException("database", e);
        }
    }
}
