package fr.maillage.application.payment.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The online payment provider (Stripe), as the application sees it: connected accounts of operators, Checkout
 * sessions created on them (direct charges), the provider's events. Every call that creates something carries an
 * idempotency key that the caller stored before the first attempt; the adapter retries timeouts and server errors
 * with that same key, so that a retried creation never creates twice.
 *
 * <p>When the provider is not configured ({@link #configured()} false), the application refuses online payment
 * before calling anything else.
 */
public interface PaymentProviderPort {

    /** Whether keys are set: without them, online payment is "not configured" and nothing else is called. */
    boolean configured();

    /**
     * Creates a connected account for an operator.
     *
     * @throws fr.maillage.application.shared.ServiceUnavailableException {@code stripe} after the retries
     */
    AccountState createAccount(@Nullable String email, String idempotencyKey);

    /** A single-use onboarding link of the account, for its owner to fill in their details at the provider. */
    String onboardingLink(String account, String refreshUrl, String returnUrl, String idempotencyKey);

    /** The account's current state, read from the provider. */
    AccountState account(String account);

    /** Creates a Checkout session on the connected account (direct charge). */
    CheckoutState createCheckout(String account, CheckoutRequest request, String idempotencyKey);

    /** A Checkout session read from the provider. */
    CheckoutState checkout(String account, String sessionId);

    /**
     * Sets whether the subscription ends with its current period ({@code cancel_at_period_end}) on the connected
     * account; the subscription as the provider now has it.
     *
     * @throws fr.maillage.application.shared.ServiceUnavailableException {@code stripe} after the retries
     */
    SubscriptionState updateSubscription(String account, String subscription, boolean cancelAtPeriodEnd,
            String idempotencyKey);

    /** The events of the connected account created at or after {@code since}, oldest first. */
    List<ProviderEvent> eventsSince(String account, Instant since);

    /**
     * Checks the signature of a webhook delivery on its raw body (with a time tolerance) and reads the event.
     *
     * @throws fr.maillage.domain.shared.InvalidValueException {@code stripe.webhook.signature} when the signature is
     *     missing, wrong or too old, {@code stripe.webhook.payload} when the body is not an event
     */
    ProviderEvent verify(byte[] payload, @Nullable String signatureHeader);

    /** A connected account's state; {@code requirements} are the fields the provider still needs (currently due). */
    record AccountState(String id, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted,
            List<String> requirements) {

        public AccountState {
            requirements = List.copyOf(requirements);
        }
    }

    /**
     * What to sell through Checkout: one line (the offer's name and price, VAT included), paid by card or SEPA Direct
     * Debit, with the platform's fee taken on the charge ({@code applicationFeeCents}, 0: none), and the metadata
     * that ties the session to the membership. With an {@code interval} ({@code month} or {@code year}) it is a
     * subscription (mode subscription), renewed by the provider each period; its platform fee is then
     * {@code feePerMille} of each payment.
     */
    record CheckoutRequest(String productName, long amountCents, String currency, long applicationFeeCents,
            String successUrl, String cancelUrl, @Nullable String customerEmail, Map<String, String> metadata,
            @Nullable String interval, int feePerMille) {

        public CheckoutRequest {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * A Checkout session: {@code status} open, complete or expired; {@code paymentStatus} paid, unpaid (a SEPA debit
     * still processing) or no_payment_required.
     */
    record CheckoutState(String id, @Nullable String url, String status, String paymentStatus,
            @Nullable String paymentIntent, long amountTotal, Map<String, String> metadata,
            @Nullable String subscription) {

        public CheckoutState {
            metadata = Map.copyOf(metadata);
        }

        public boolean paid() {
            return "paid".equals(paymentStatus);
        }
    }

    /**
     * A paid invoice of a subscription: {@code billingReason} {@code subscription_create} for the first period (paid
     * through the Checkout session), {@code subscription_cycle} for each next one.
     */
    record InvoiceState(String id, @Nullable String subscription, @Nullable String billingReason, long amountPaid) {
    }

    /**
     * A subscription on a connected account: {@code status} (active, past_due, canceled...), and whether it ends with
     * its current period.
     */
    record SubscriptionState(String id, String status, boolean cancelAtPeriodEnd) {

        /** Whether it is over for good (canceled, or its first payment never completed). */
        public boolean ended() {
            return "canceled".equals(status) || "incomplete_expired".equals(status);
        }
    }

    /** A charge as a refund reports it: {@code amountRefunded} is the total refunded so far. */
    record ChargeState(String id, @Nullable String paymentIntent, long amount, long amountRefunded,
            @Nullable String lastRefund) {
    }

    /**
     * An event of a connected account ({@code account}); the object it carries is read into {@code checkout},
     * {@code accountState}, {@code charge}, {@code invoice} or {@code subscription} according to its type (others are
     * kept as they are, unread).
     */
    record ProviderEvent(String id, String type, @Nullable String account, Instant created,
            @Nullable CheckoutState checkout, @Nullable AccountState accountState, @Nullable ChargeState charge,
            @Nullable InvoiceState invoice, @Nullable SubscriptionState subscription) {
    }
}
