package fr.maillage.application.payment.port.in;

import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.ConnectedAccount;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.network.NetworkSlug;

/**
 * Online payments as people use them. Every use case answers 409 {@code payment.online.not-configured} when the
 * provider has no keys (offline payments work as ever).
 */
public interface OnlinePaymentsUseCase {

    /**
     * Connects the operator to the provider ({@code Permission.BILLING}: animators; managers for the operators they
     * run, others 404): creates its connected account the first time, and answers a fresh onboarding link where its
     * owner fills in their details.
     */
    Onboarding connect(Caller caller, NetworkSlug network, String operatorId);

    /** The operator's connected account as last reported ({@code Permission.BILLING}); 404 if not connected. */
    ConnectedAccount account(Caller caller, NetworkSlug network, String operatorId);

    /**
     * A member buys an offer for themselves ({@code Permission.SELF_SERVICE}): the membership is sold pending payment
     * and a Checkout session opened on the seller's connected account; the member pays at {@code url}.
     *
     * @throws fr.maillage.domain.shared.ConflictException {@code payment.online.operator-not-ready} when the seller
     *     cannot take payments online yet, {@code payment.online.free-offer} for a free offer
     */
    CheckoutStarted checkout(Caller caller, NetworkSlug network, String offerId);

    /**
     * The member is back from the provider's page: the session is read from the provider and, if paid, fulfilled
     * (once, whichever of this and the webhook comes first). The membership as it is now.
     */
    Membership checkoutReturn(Caller caller, NetworkSlug network, String sessionId);

    record Onboarding(ConnectedAccount account, String url) {
    }

    record CheckoutStarted(Membership membership, String sessionId, String url) {
    }
}
