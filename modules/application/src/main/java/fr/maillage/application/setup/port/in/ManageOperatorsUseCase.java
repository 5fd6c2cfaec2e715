package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Animators (and platform admins) set up the operators of their network and say which ones each manager runs. */
public interface ManageOperatorsUseCase {

    Operator createOperator(Caller caller, NetworkSlug network, OperatorCommand command);

    Operator updateOperator(Caller caller, NetworkSlug network, OperatorId operator, OperatorCommand command,
            @Nullable Long expectedVersion);

    /** The operators the person (who must hold the MANAGER role) runs from now on; replaces the previous set. */
    Set<OperatorId> setManagerOperators(Caller caller, NetworkSlug network, String subject, Set<OperatorId> operators);
}
