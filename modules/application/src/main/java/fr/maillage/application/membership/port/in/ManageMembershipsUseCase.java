package fr.maillage.application.membership.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.Payment;
import fr.maillage.domain.network.NetworkSlug;

/**
 * Selling memberships, recording offline payments, cancelling ({@code Permission.SELL}). Animators act on every
 * membership of their network; managers only on those of the operators they run (another operator's membership
 * answers 404, selling another operator's offer 403). Ids come as the caller wrote them (a malformed one is not
 * found).
 */
public interface ManageMembershipsUseCase {

    /**
     * Sells an offer to a member: pending payment, or active at once when the offer is free.
     *
     * @throws fr.maillage.application.shared.NotFoundException {@code member.not-found}
     * @throws fr.maillage.application.shared.InvalidInputException {@code offerId}, {@code startsOn},
     *     {@code autoRenew}
     * @throws fr.maillage.domain.shared.ConflictException {@code offer.archived}, {@code membership.member-erased},
     *     {@code offer.scope.network-passes-not-allowed}
     */
    Membership sell(Caller caller, NetworkSlug network, String member, SellMembershipCommand.Raw sale);

    /**
     * Records an offline payment (cash, cheque, transfer). With an idempotency key already used for the same
     * membership, method and amount, records nothing and answers the payment recorded then ({@code replayed}).
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code membership.payment.exceeds-balance},
     *     {@code membership.payment.not-accepted}, {@code payment.idempotency-key.reused}
     */
    PaymentResult recordPayment(Caller caller, NetworkSlug network, String membership,
            RecordPaymentCommand.Raw payment);

    /**
     * Cancels a pending or active membership with a reason; cancelling it again changes nothing.
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code membership.not-cancellable} once expired
     */
    Membership cancel(Caller caller, NetworkSlug network, String membership, CancelMembershipCommand.Raw cancel);

    /**
     * Records money given back at the desk (cash, cheque, transfer): what is paid decreases, the membership's status
     * stays (cancel it as well if the member loses it), and invoicing issues the credit note. With
     * {@code expectedVersion} (the version the caller read), a membership changed since is refused, so that a
     * repeated request refunds nothing twice.
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code membership.refund.exceeds-paid},
     *     {@code object.changed-meanwhile} (412 with a version expected)
     */
    Membership refund(Caller caller, NetworkSlug network, String membership, RefundCommand.Raw refund,
            @org.jspecify.annotations.Nullable Long expectedVersion);

    /** A payment and the membership after it; {@code replayed} when the idempotency key had been used already. */
    record PaymentResult(Membership membership, Payment payment, boolean replayed) {
    }
}
