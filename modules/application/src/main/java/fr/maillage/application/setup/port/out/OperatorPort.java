package fr.maillage.application.setup.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import java.util.Optional;
import java.util.Set;

/** Operators of the current network (runs inside its tenant transaction). */
public interface OperatorPort {

    Optional<Operator> find(OperatorId id);

    Page<Operator> list(PageRequest page);

    /** @throws fr.maillage.domain.shared.ConflictException {@code operator.invoice-prefix.taken} */
    Operator insert(Operator operator);

    /** @throws fr.maillage.application.shared.StaleVersionException when changed meanwhile */
    Operator update(Operator operator);

    boolean prefixTaken(InvoicePrefix prefix, OperatorId except);

    /** The operators a manager runs. */
    Set<OperatorId> operatorsOfManager(String subject);

    void setOperatorsOfManager(String subject, Set<OperatorId> operators);
}
