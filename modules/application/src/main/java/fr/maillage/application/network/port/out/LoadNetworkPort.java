package fr.maillage.application.network.port.out;

import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.shared.Page;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import java.util.Optional;

/** Reads stored networks. */
public interface LoadNetworkPort {

    Optional<Network> findBySlug(NetworkSlug slug);

    Page<Network> list(NetworkListCriteria criteria);
}
