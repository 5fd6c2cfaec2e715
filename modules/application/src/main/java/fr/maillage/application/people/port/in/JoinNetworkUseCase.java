package fr.maillage.application.people.port.in;

import fr.maillage.application.member.port.in.SignUpCommand;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.util.Set;

/**
 * A person who has signed up joins a network as a member (networks are open communities), giving their profile and
 * accepting the network's terms: they get the MEMBER role and their member profile (or the member a manager created
 * with their email is linked to them). Joining twice is harmless.
 */
public interface JoinNetworkUseCase {

    /** @return the caller's roles in the network after joining */
    Set<NetworkRole> join(Caller caller, NetworkSlug network, SignUpCommand profile);
}
