package fr.maillage.application.membership.port.in;

import fr.maillage.application.membership.port.in.ManageMembershipsUseCase.PaymentResult;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.offer.Offer;
import java.time.Instant;
import java.util.Optional;

/**
 * Memberships as online payments change them (the payment provider's module calls these, never a person directly):
 * each runs INSIDE the caller's tenant transaction of {@code network}, which has checked who may do what; the events
 * go to the listeners (invoices, mails) in that same transaction.
 */
public interface OnlineMembershipsUseCase {

    /**
     * A member buys an offer for themselves: sold pending payment, {@code actor} being the member's subject; a
     * subscription paid by the provider period by period renews itself ({@code autoRenew}).
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code offer.archived}, {@code membership.member-erased},
     *     {@code offer.scope.network-passes-not-allowed}
     */
    Membership sellOnline(Network network, Member member, Offer offer, boolean autoRenew, Instant now,
            String actor);

    /**
     * Records a payment confirmed by the provider (method ONLINE), once: the membership's row is locked, and a
     * payment already recorded with {@code idempotencyKey} is answered as it is ({@code replayed}).
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code membership.payment.not-accepted},
     *     {@code membership.payment.exceeds-balance}
     */
    PaymentResult recordOnlinePayment(Network network, MembershipId membership, Money amount, String reference,
            String idempotencyKey, Instant now, String actor);

    /** Records a refund made at the provider ({@code REFUNDED}); empty if there is no such membership. */
    Optional<Membership> refund(Network network, MembershipId membership, Money amount, String reference,
            Instant now, String actor);

    /**
     * Cancels a membership still pending payment (its online payment failed or was abandoned); a membership in any
     * other state is left as it is. Empty if there is no such membership.
     */
    Optional<Membership> cancelUnpaid(Network network, MembershipId membership, String reason, Instant now,
            String actor);

    /**
     * Switches the automatic renewal of a subscription's period on or off ({@code RENEWAL_RESUMED},
     * {@code RENEWAL_STOPPED} with {@code reason}), its row locked; audited as {@code membership.renewal.resumed} or
     * {@code .stopped} with {@code actor} as the author when it changes. Empty if there is no such membership.
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code membership.renewal.subscriptions-only},
     *     {@code membership.renewal.ended}
     */
    Optional<Membership> changeRenewal(Network network, MembershipId membership, boolean autoRenew, String reason,
            Instant now, Caller actor);
}
