package fr.maillage.application.people.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.util.Set;

/** A person who has signed up joins a network as a member (networks are open communities). Joining twice is harmless. */
public interface JoinNetworkUseCase {

    /** @return the caller's roles in the network after joining */
    Set<NetworkRole> join(Caller caller, NetworkSlug network);
}
