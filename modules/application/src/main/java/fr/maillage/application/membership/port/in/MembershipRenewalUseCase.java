package fr.maillage.application.membership.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.network.NetworkSlug;
import org.jspecify.annotations.Nullable;

/**
 * Switching a subscription's automatic renewal off, or on again: by the member it belongs to
 * ({@code Permission.SELF_SERVICE}), or by a seller (animators; managers for the operators they run). The membership
 * named may be any period of the subscription: the change applies to its latest period (the one whose end creates the
 * next). A subscription bought online is also changed at the payment provider ({@code cancel_at_period_end}) before
 * anything is changed here.
 */
public interface MembershipRenewalUseCase {

    /**
     * The latest period, with {@code autoRenew} as asked (unchanged if it already was).
     *
     * @throws fr.maillage.application.shared.NotFoundException {@code membership.not-found} (also someone else's)
     * @throws fr.maillage.application.shared.InvalidInputException {@code autoRenew}: {@code field.required}
     * @throws fr.maillage.domain.shared.ConflictException {@code membership.renewal.subscriptions-only},
     *     {@code membership.renewal.ended}, {@code membership.renewal.provider-ended} (resuming a subscription whose
     *     provider subscription has ended), {@code membership.renewal.payment-pending} (bought online, its first
     *     payment not received yet), {@code payment.online.not-configured}
     * @throws fr.maillage.application.shared.ServiceUnavailableException when the provider cannot be reached (nothing
     *     changed)
     */
    Membership setAutoRenew(Caller caller, NetworkSlug network, String membershipId, @Nullable Boolean autoRenew);
}
