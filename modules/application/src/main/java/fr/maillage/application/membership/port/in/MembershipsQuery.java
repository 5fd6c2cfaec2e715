package fr.maillage.application.membership.port.in;

import fr.maillage.application.membership.port.out.MembershipEventPort.StoredEvent;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.network.NetworkSlug;

/**
 * Reading memberships. Animators see every membership of the network, managers those sold by the operators they run,
 * members their own ({@code Permission.SELF_SERVICE}); anything else answers 404.
 */
public interface MembershipsQuery {

    /** A member's memberships, the most recent sale first (a member other than the caller: 404 for members). */
    Page<Membership> membershipsOf(Caller caller, NetworkSlug network, String member, PageRequest page);

    Membership membership(Caller caller, NetworkSlug network, String membership);

    /** The membership's events in order: sale, payments, activation, cancellation, expiry, renewal. */
    Page<StoredEvent> history(Caller caller, NetworkSlug network, String membership, PageRequest page);

    /**
     * The caller's own memberships in the network.
     *
     * @throws fr.maillage.application.shared.NotFoundException {@code member.not-found} when the caller has no member
     *     profile there
     */
    Page<Membership> myMemberships(Caller caller, NetworkSlug network, PageRequest page);
}
