package fr.maillage.application.network.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;

/** A platform admin renames a network, changes its territory or time zone, or archives it. */
public interface UpdateNetworkUseCase {

    Network updateNetwork(Caller caller, UpdateNetworkCommand command);

    /** Archiving is idempotent: archiving an archived network returns it unchanged. */
    Network archiveNetwork(Caller caller, NetworkSlug slug);
}
