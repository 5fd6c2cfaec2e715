package fr.maillage.application.network.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;

/** Reads networks. */
public interface FindNetworksQuery {

    /** @throws fr.maillage.application.shared.NotFoundException when there is no such network for this caller */
    Network getNetwork(Caller caller, NetworkSlug slug);

    Page<Network> listNetworks(Caller caller, NetworkListCriteria criteria);
}
