package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Animators (and platform admins) set up the operators of their network and say which ones each manager runs. Inputs
 * come raw and are read once the caller may act in the network: someone else gets 404 or 403, never a 400.
 */
public interface ManageOperatorsUseCase {

    Operator createOperator(Caller caller, NetworkSlug network, OperatorCommand.Raw command);

    Operator updateOperator(Caller caller, NetworkSlug network, OperatorId operator, OperatorCommand.Raw command,
            @Nullable Long expectedVersion);

    /**
     * The operators the person (who must hold the MANAGER role) runs from now on, by id ({@code operatorIds[i]} when
     * malformed); replaces the previous set.
     */
    Set<OperatorId> setManagerOperators(Caller caller, NetworkSlug network, String subject,
            @Nullable List<@Nullable String> operatorIds);
}
