package fr.maillage.application.payment.port.in;

import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.PlatformFee;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;

/**
 * The platform's fee on a network's online payments (the application fee of each Checkout session): read by those who
 * see the network's billing ({@code Permission.BILLING}: animators, managers), set and removed by platform admins
 * ({@code Permission.MANAGE_PLATFORM_FEE}), each change in the network's audit log. It works with or without Stripe
 * keys: it only decides what the next Checkout sessions take.
 */
public interface PlatformFeeUseCase {

    /** The fee now ({@link PlatformFee#NONE} when none is set). */
    PlatformFee platformFee(Caller caller, NetworkSlug network);

    /**
     * Sets the fee (audited as {@code network.platform-fee.set} when it changes).
     *
     * @throws fr.maillage.application.shared.InvalidInputException {@code field.required},
     *     {@code platform-fee.fixed-cents.range}, {@code platform-fee.per-mille.range}
     */
    PlatformFee setPlatformFee(Caller caller, NetworkSlug network, SetPlatformFeeCommand.Raw raw);

    /** Removes the fee: no fee on the next sessions (audited as {@code network.platform-fee.removed} if one was set). */
    void removePlatformFee(Caller caller, NetworkSlug network);
}
