package fr.maillage.application.people.port.in;

import fr.maillage.application.access.port.out.PersonRoles;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkSlug;

/** The people of a network and their roles, for its animators and managers. */
public interface FindPeopleQuery {

    Page<PersonRoles> people(Caller caller, NetworkSlug network, PageRequest page);
}
