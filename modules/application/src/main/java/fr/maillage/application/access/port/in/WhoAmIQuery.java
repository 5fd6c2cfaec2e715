package fr.maillage.application.access.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkName;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.util.List;
import java.util.Set;

/** The caller, and the networks they belong to with their roles there. */
public interface WhoAmIQuery {

    Me whoAmI(Caller caller);

    record Me(String subject, boolean platformAdmin, List<Membership> networks) {
    }

    record Membership(NetworkSlug slug, NetworkName name, Set<NetworkRole> roles) {
    }
}
