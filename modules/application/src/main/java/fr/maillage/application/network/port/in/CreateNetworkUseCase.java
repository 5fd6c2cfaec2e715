package fr.maillage.application.network.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.Network;

/** A platform admin creates a network (a tenant). */
public interface CreateNetworkUseCase {

    /**
     * @throws fr.maillage.domain.network.NetworkSlugTakenException when the slug is already used, archived
     *         networks included
     */
    Network createNetwork(Caller caller, CreateNetworkCommand command);
}
