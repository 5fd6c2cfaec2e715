package fr.maillage.application.payment.port.out;

import fr.maillage.application.payment.port.out.PaymentProviderPort.AccountState;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.operator.OperatorId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What online payments keep, in the current network's tenant transaction unless said otherwise: the idempotency keys
 * of the calls to the provider, the operators' connected accounts, the Checkout sessions, the events applied, and the
 * network's platform fee.
 */
public interface OnlinePaymentStorePort {

    /**
     * The idempotency key of the call {@code purpose} on {@code objectId}: the one stored by an earlier attempt, or a
     * new one, stored now (so that it is committed before the first attempt).
     */
    String requestKey(String purpose, String objectId);

    /** Marks the call done, with the id of what the provider created. */
    void requestDone(String idempotencyKey, String result);

    Optional<ConnectedAccount> accountOf(OperatorId operator);

    Optional<ConnectedAccount> account(String accountId);

    /** Stores a new connected account, and its route (account to network) for the webhooks. */
    void insertAccount(ConnectedAccount account);

    /**
     * Updates the account's state if {@code asOf} is not older than the state stored (an event delivered late never
     * rolls the state back). Whether it changed.
     */
    boolean updateAccount(String accountId, AccountState state, Instant asOf);

    /** The connected accounts of the network. */
    List<ConnectedAccount> accounts();

    /** Outside any tenant: the network of a connected account, for an event that names only the account. */
    Optional<NetworkSlug> networkOfAccount(String accountId);

    void insertCheckout(Checkout checkout);

    Optional<Checkout> checkout(String sessionId);

    /** The session, its row locked until the end of the transaction. */
    Optional<Checkout> checkoutForUpdate(String sessionId);

    Optional<Checkout> checkoutOfPaymentIntent(String paymentIntent);

    /** Ties a subscription's session to its provider subscription (whose invoices pay the next periods). */
    void linkSubscription(String sessionId, String subscription);

    /** The session that started the subscription. */
    Optional<Checkout> checkoutOfSubscription(String subscription);

    /**
     * The provider subscription that a Checkout session started for the membership (the first period of its chain),
     * once the session is paid and linked.
     */
    Optional<SubscriptionLink> subscriptionOf(MembershipId firstPeriod);

    /** A provider subscription's state as last stored ({@code stripe_subscription}), if any. */
    Optional<SubscriptionStatus> subscription(String subscription);

    /**
     * Stores a provider subscription's state as true at {@code asOf}, unless a newer state is stored or it has ended
     * (an end is final, and wins whatever its time). Whether it changed.
     */
    boolean updateSubscription(String subscription, boolean cancelAtPeriodEnd, boolean ended, Instant asOf);

    /** The membership that renews this one (its next period), if any. */
    Optional<MembershipId> renewalOf(MembershipId membership);

    /** The last period of the renewal chain from {@code period} on ({@code period} itself when nothing renews it). */
    default MembershipId latestPeriod(MembershipId period) {
        MembershipId latest = period;
        for (Optional<MembershipId> next = renewalOf(latest); next.isPresent(); next = renewalOf(latest)) {
            latest = next.get();
        }
        return latest;
    }

    /** Writes the session's status, payment intent and the total refunded. */
    void updateCheckout(Checkout checkout);

    /**
     * Records that the event is applied, in the transaction that applies it. False if it was already (a concurrent
     * delivery waits for the first one's transaction and then sees it).
     */
    boolean markEventApplied(String eventId, String type, @Nullable String account, Instant created);

    /** Whether the event was applied already (a read: {@link #markEventApplied} is what guards concurrency). */
    boolean eventApplied(String eventId);

    /** The network's platform fee on online payments ({@link PlatformFee#NONE} when none is set). */
    PlatformFee platformFee();

    /** Sets the network's platform fee (inserted or replaced). */
    void setPlatformFee(PlatformFee fee);

    /** Removes the network's platform fee; whether there was one. */
    boolean removePlatformFee();

    /** An operator's account at the provider, as last reported. */
    record ConnectedAccount(OperatorId operator, String accountId, boolean chargesEnabled, boolean payoutsEnabled,
            boolean detailsSubmitted, List<String> requirements, Instant statusAt) {

        public ConnectedAccount {
            requirements = List.copyOf(requirements);
        }
    }

    /**
     * A Checkout session opened for a membership. {@code status}: OPEN, PAID, FAILED, EXPIRED.
     * {@code refundedCents} is the total refunded on its charge so far.
     */
    record Checkout(String sessionId, MembershipId membership, OperatorId operator, String accountId,
            String status, long amountCents, long feeCents, @Nullable String paymentIntent, long refundedCents,
            Instant createdAt) {

        public Checkout with(String newStatus, @Nullable String newPaymentIntent, long newRefundedCents) {
            return new Checkout(sessionId, membership, operator, accountId, newStatus, amountCents, feeCents,
                    newPaymentIntent, newRefundedCents, createdAt);
        }
    }

    /** A subscription started by a Checkout session: on the connected account {@code accountId}, for a chain. */
    record SubscriptionLink(String subscription, String accountId, MembershipId firstPeriod) {
    }

    /** A provider subscription as stored: set to end with its period, or ended; {@code statusAt} when it was so. */
    record SubscriptionStatus(String subscription, boolean cancelAtPeriodEnd, boolean ended, Instant statusAt) {
    }

    /**
     * The platform's fee on each online payment of the network: {@code fixedCents} plus {@code perMille} of the
     * amount (rounded down), never more than the amount.
     */
    record PlatformFee(long fixedCents, int perMille) {

        public static final PlatformFee NONE = new PlatformFee(0, 0);

        public long of(long amountCents) {
            return Math.min(amountCents, fixedCents + amountCents * perMille / 1000);
        }
    }
}
