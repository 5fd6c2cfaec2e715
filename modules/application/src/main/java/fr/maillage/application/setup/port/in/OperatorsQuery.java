package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;

/** The operators of a network, for its people. */
public interface OperatorsQuery {

    Page<Operator> operators(Caller caller, NetworkSlug network, PageRequest page);

    Operator operator(Caller caller, NetworkSlug network, OperatorId operator);
}
