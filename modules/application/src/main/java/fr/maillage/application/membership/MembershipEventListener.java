package fr.maillage.application.membership;

import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.network.NetworkId;

/**
 * A module that follows memberships (invoices and credit notes, online payments, mails). Called for every event, in
 * order, inside the transaction that stores the transition and its history: what the listener writes commits or
 * rolls back with it, and a listener that throws rolls the transition back. A listener must therefore be quick and
 * must not call the outside world (send mails from the stored history instead, after the commit).
 */
public interface MembershipEventListener {

    void on(NetworkId network, MembershipEvent event);
}
