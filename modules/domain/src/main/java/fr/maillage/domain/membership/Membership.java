package fr.maillage.domain.membership;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A member's holding of an offer: the aggregate of sales, payments, activation, expiry, cancellation and renewal.
 * Immutable: each transition returns a {@link Transition} with the new state and the events it emitted; the
 * application stores both in one transaction, with optimistic locking on {@link #version()}.
 *
 * <p>States ({@link MembershipStatus}): a sale is PENDING_PAYMENT until payments reach the price, then ACTIVE (a free
 * offer is ACTIVE at once); an ACTIVE membership is EXPIRED the day after its validity; PENDING_PAYMENT or ACTIVE can
 * be CANCELLED with a reason. Payments accumulate; one that would take the total past the price is refused.
 *
 * <p>Validity ({@link Validity}, network time zone, inclusive): a card from its activation date, a day pass on its
 * date, a subscription for its current period (known from the sale). A subscription that renews itself is continued,
 * when its period ends, by a new membership ({@code renewalOf} this one) for the next period, pending payment.
 *
 * @param entriesRemaining cards only: entries left (consumed by check-ins with a conditional update, never here)
 * @param periodAnchor subscriptions only: the first day of the first period, on which every period is counted
 * @param amountPaid the sum of the payments recorded
 * @param soldBy the subject of the seller ({@code system:...} for a renewal)
 * @param soldOnline bought by the member through the payment provider (Checkout), not sold at the desk: paid at once or
 *     never, so it is invoiced when paid rather than when sold (its renewals too)
 * @param endedAt when it expired (the end of its validity) or was cancelled
 */
public record Membership(MembershipId id, NetworkId network, MemberId member, OfferSnapshot offer,
        MembershipStatus status, @Nullable Integer entriesRemaining, @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil, @Nullable LocalDate periodAnchor, Money amountPaid,
        @Nullable MembershipId renewalOf, boolean autoRenew, Instant soldAt, String soldBy, boolean soldOnline,
        @Nullable Instant activatedAt, @Nullable Instant endedAt, @Nullable String cancelReason, long version) {

    /** How far back a sale may start (a subscription or a day pass recorded late). */
    public static final Period MAY_START_BACK = Period.ofMonths(1);
    /** How far ahead a sale may start. */
    public static final Period MAY_START_AHEAD = Period.ofYears(1);
    public static final int REASON_MIN = 3;
    public static final int REASON_MAX = 500;

    public Membership {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(member);
        Objects.requireNonNull(offer);
        Objects.requireNonNull(status);
        Objects.requireNonNull(amountPaid);
        Objects.requireNonNull(soldAt);
        Objects.requireNonNull(soldBy);
        MembershipKind kind = offer.kind();
        if ((kind == MembershipKind.CARD) != (entriesRemaining != null)) {
            throw new IllegalArgumentException("entries remaining exactly for cards");
        }
        if (offer.terms() instanceof OfferTerms.Card card && entriesRemaining != null
                && (entriesRemaining < 0 || entriesRemaining > card.entries())) {
            throw new IllegalArgumentException("entries remaining " + entriesRemaining + " of " + card.entries());
        }
        if ((kind == MembershipKind.SUBSCRIPTION) != (periodAnchor != null)) {
            throw new IllegalArgumentException("a period anchor exactly for subscriptions");
        }
        if (autoRenew && kind != MembershipKind.SUBSCRIPTION) {
            throw new IllegalArgumentException("only subscriptions renew");
        }
        if (amountPaid.cents() > offer.price().cents()) {
            throw new IllegalArgumentException("paid " + amountPaid + " of " + offer.price());
        }
        if ((status == MembershipStatus.ACTIVE || status == MembershipStatus.EXPIRED)
                && (validFrom == null || validUntil == null || activatedAt == null)) {
            throw new IllegalArgumentException("an active or expired membership has its validity");
        }
        if ((validFrom == null) != (validUntil == null)
                || (validFrom != null && validUntil != null && validUntil.isBefore(validFrom))) {
            throw new IllegalArgumentException("validity " + validFrom + " to " + validUntil);
        }
        if ((status == MembershipStatus.CANCELLED) != (cancelReason != null)) {
            throw new IllegalArgumentException("a reason exactly when cancelled");
        }
        if (status.isFinal() != (endedAt != null)) {
            throw new IllegalArgumentException("an end exactly when expired or cancelled");
        }
    }

    // ------------------------------------------------------------------------------------------------ sale

    /**
     * What the seller chose: the start (a day pass's date, a subscription's first day) and automatic renewal; and
     * whether the member buys it online (through the payment provider) rather than at the desk.
     */
    public record Sale(@Nullable LocalDate startsOn, boolean autoRenew, boolean online) {

        /** A sale at the desk. */
        public Sale(@Nullable LocalDate startsOn, boolean autoRenew) {
            this(startsOn, autoRenew, false);
        }
    }

    /**
     * Sells the offer to the member, {@code now} being the sale's instant and {@code zone} the network's time zone.
     * A day pass is for {@code startsOn} (default: today), a subscription starts its first period on it (default:
     * today); a card takes no start, it is valid from its activation. A free offer is active at once.
     *
     * @throws InvalidValueException {@code membership.starts-on.*}, {@code membership.auto-renew.subscriptions-only}
     */
    public static Transition sell(MembershipId id, NetworkId network, MemberId member, OfferSnapshot offer, Sale sale,
            Instant now, ZoneId zone, String seller) {
        LocalDate today = Validity.dateOf(now, zone);
        MembershipKind kind = offer.kind();
        checkStart(kind, sale.startsOn(), today);
        checkAutoRenew(kind, sale.autoRenew());
        LocalDate start = sale.startsOn() == null ? today : sale.startsOn();
        Validity validity = switch (offer.terms()) {
            case OfferTerms.Card c -> null;
            case OfferTerms.DayPass d -> Validity.ofDay(start);
            case OfferTerms.Subscription s -> Validity.ofSubscription(start, s.billing(), 0);
        };
        Membership pending = new Membership(id, network, member, offer, MembershipStatus.PENDING_PAYMENT,
                offer.terms() instanceof OfferTerms.Card c ? c.entries() : null,
                validity == null ? null : validity.from(), validity == null ? null : validity.until(),
                kind == MembershipKind.SUBSCRIPTION ? start : null, new Money(0, offer.price().currency()),
                null, sale.autoRenew(), now, seller, sale.online(), null, null, null, 0);
        List<MembershipEvent> events = new ArrayList<>();
        events.add(new MembershipEvent.Sold(id, now, seller, offer.offer(), offer.operator(), kind, offer.price(),
                kind == MembershipKind.CARD ? null : start, sale.autoRenew(), null, sale.online()));
        if (offer.isFree()) {
            Transition active = pending.activate(now, zone, seller);
            events.addAll(active.events());
            return new Transition(active.membership(), events);
        }
        return new Transition(pending, events);
    }

    /**
     * Checks a sale's start: none for a card; otherwise from one month back to one year ahead of today.
     *
     * @throws InvalidValueException {@code membership.starts-on.not-for-card}, {@code membership.starts-on.past},
     *     {@code membership.starts-on.too-far}
     */
    public static void checkStart(MembershipKind kind, @Nullable LocalDate startsOn, LocalDate today) {
        if (startsOn == null) {
            return;
        }
        if (kind == MembershipKind.CARD) {
            throw new InvalidValueException("membership.starts-on.not-for-card");
        }
        if (startsOn.isBefore(today.minus(MAY_START_BACK))) {
            throw new InvalidValueException("membership.starts-on.past");
        }
        if (startsOn.isAfter(today.plus(MAY_START_AHEAD))) {
            throw new InvalidValueException("membership.starts-on.too-far");
        }
    }

    /** @throws InvalidValueException {@code membership.auto-renew.subscriptions-only} */
    public static void checkAutoRenew(MembershipKind kind, boolean autoRenew) {
        if (autoRenew && kind != MembershipKind.SUBSCRIPTION) {
            throw new InvalidValueException("membership.auto-renew.subscriptions-only");
        }
    }

    // ------------------------------------------------------------------------------------------------ payments

    /**
     * Records a payment: the total paid grows by its amount; when it reaches the price, a pending membership becomes
     * active (a card from the date, in the zone, the payment is recorded). The payment must be for this membership.
     *
     * @throws ConflictException {@code membership.payment.not-accepted} when expired or cancelled,
     *     {@code membership.payment.exceeds-balance} (with the balance in euros) when it would pay more than the price
     */
    public Transition recordPayment(Payment payment, ZoneId zone) {
        if (!payment.membership().equals(id)) {
            throw new IllegalArgumentException("a payment of " + payment.membership() + " recorded on " + id);
        }
        if (status.isFinal()) {
            throw new ConflictException("membership.payment.not-accepted");
        }
        if (amountPaid.cents() + payment.amount().cents() > offer.price().cents()) {
            throw new ConflictException("membership.payment.exceeds-balance", euros(balance()));
        }
        Money paid = amountPaid.plus(payment.amount());
        Membership after = with(status, validFrom, validUntil, paid, activatedAt, endedAt, cancelReason);
        List<MembershipEvent> events = new ArrayList<>();
        events.add(new MembershipEvent.PaymentRecorded(id, payment.recordedAt(), payment.recordedBy(), payment, paid));
        if (status == MembershipStatus.PENDING_PAYMENT && paid.equals(offer.price())) {
            Transition active = after.activate(payment.recordedAt(), zone, payment.recordedBy());
            events.addAll(active.events());
            after = active.membership();
        }
        return new Transition(after, events);
    }

    /** What remains to be paid. */
    public Money balance() {
        return new Money(offer.price().cents() - amountPaid.cents(), offer.price().currency());
    }

    private Transition activate(Instant now, ZoneId zone, String actor) {
        Validity validity = switch (offer.terms()) {
            case OfferTerms.Card c -> Validity.ofCard(Validity.dateOf(now, zone), c.validity());
            default -> new Validity(Objects.requireNonNull(validFrom), Objects.requireNonNull(validUntil));
        };
        Membership active = with(MembershipStatus.ACTIVE, validity.from(), validity.until(), amountPaid, now, null,
                null);
        return new Transition(active, List.of(new MembershipEvent.Activated(id, now, actor, validity.from(),
                validity.until(), entriesRemaining)));
    }

    /**
     * Records a refund of {@code amount} (at most what is paid): the amount paid decreases by it, the status stays
     * (a refunded membership is cancelled by a manager if the member loses the right). {@code reference} is the
     * provider's id of the refund.
     *
     * @throws ConflictException {@code membership.refund.exceeds-paid} when more than what is paid
     * @throws InvalidValueException {@code payment.amount.positive}
     */
    public Transition refund(Money amount, String reference, Instant now, String actor) {
        return refund(amount, PaymentMethod.ONLINE, reference, now, actor);
    }

    /**
     * Records a refund of {@code amount} given back by {@code method} (the payment provider's: ONLINE; at the desk:
     * CASH, CHEQUE or TRANSFER), as {@link #refund(Money, String, Instant, String)}.
     */
    public Transition refund(Money amount, PaymentMethod method, String reference, Instant now, String actor) {
        Payment.checkAmount(amount);
        Objects.requireNonNull(reference);
        if (amount.cents() > amountPaid.cents()) {
            throw new ConflictException("membership.refund.exceeds-paid", euros(amountPaid));
        }
        Money left = new Money(amountPaid.cents() - amount.cents(), amountPaid.currency());
        Membership after = with(status, validFrom, validUntil, left, activatedAt, endedAt, cancelReason);
        return new Transition(after, List.of(new MembershipEvent.Refunded(id, now, actor, amount, reference, method)));
    }

    // ------------------------------------------------------------------------------------------------ cancellation

    /** A cancellation's reason: one line of 3 to 500 characters. */
    public static String cancelReason(String raw) {
        return BoundedText.line(raw, REASON_MIN, REASON_MAX, "membership.cancel.reason.length");
    }

    /**
     * Cancels a pending or active membership, for the reason given. Cancelling a cancelled membership changes nothing
     * (no event). What was paid stays recorded: a refund is a credit note (invoicing).
     *
     * @throws ConflictException {@code membership.not-cancellable} when it has expired
     */
    public Transition cancel(String reason, Instant now, String actor) {
        String checked = cancelReason(reason);
        if (status == MembershipStatus.CANCELLED) {
            return new Transition(this, List.of());
        }
        if (status == MembershipStatus.EXPIRED) {
            throw new ConflictException("membership.not-cancellable");
        }
        Membership cancelled = with(MembershipStatus.CANCELLED, validFrom, validUntil, amountPaid, activatedAt, now,
                checked);
        return new Transition(cancelled, List.of(new MembershipEvent.Cancelled(id, now, actor, checked, status,
                amountPaid)));
    }

    // ------------------------------------------------------------------------------------------------ expiry, renewal

    /** Whether it is active and its validity ended before {@code today} (in the network's time zone). */
    public boolean isDueToExpire(LocalDate today) {
        return status == MembershipStatus.ACTIVE && validUntil != null && validUntil.isBefore(today);
    }

    /**
     * Expires an active membership whose validity is over (it ended at the start of the day after {@code validUntil}
     * in the zone; that instant is its {@code endedAt}). A membership that is not due is left as it is.
     */
    public Transition expire(Instant now, ZoneId zone, String actor) {
        if (!isDueToExpire(Validity.dateOf(now, zone))) {
            return new Transition(this, List.of());
        }
        LocalDate until = Objects.requireNonNull(validUntil);
        Instant end = Validity.endOf(until, zone);
        Membership expired = with(MembershipStatus.EXPIRED, validFrom, validUntil, amountPaid, activatedAt, end, null);
        return new Transition(expired, List.of(new MembershipEvent.Expired(id, end, actor, until, entriesRemaining)));
    }

    /** Whether, its period over, this subscription is to be continued by a renewal. */
    public boolean renews() {
        return autoRenew && status == MembershipStatus.EXPIRED;
    }

    /**
     * The next period of a subscription that renews itself: a new membership ({@code renewalOf} this one) on the same
     * terms and price, for the period after this one on the same anchor, pending payment (active at once when free).
     * Emits {@code RENEWED} on this membership and {@code SOLD} (and {@code ACTIVATED}) on the new one. A subscription
     * bought online renews online (the provider charges each period).
     */
    public Transition renew(MembershipId next, Instant now, ZoneId zone, String actor) {
        if (!renews() || !(offer.terms() instanceof OfferTerms.Subscription subscription)) {
            throw new IllegalStateException(id + " does not renew");
        }
        Validity period = Validity.nextOfSubscription(Objects.requireNonNull(periodAnchor), subscription.billing(),
                Objects.requireNonNull(validUntil));
        Membership renewal = new Membership(next, network, member, offer, MembershipStatus.PENDING_PAYMENT, null,
                period.from(), period.until(), periodAnchor, new Money(0, offer.price().currency()), id, true, now,
                actor, soldOnline, null, null, null, 0);
        List<MembershipEvent> events = new ArrayList<>();
        events.add(new MembershipEvent.Renewed(id, now, actor, next, period.from(), period.until()));
        events.add(new MembershipEvent.Sold(next, now, actor, offer.offer(), offer.operator(),
                MembershipKind.SUBSCRIPTION, offer.price(), period.from(), true, id, soldOnline));
        if (offer.isFree()) {
            Transition active = renewal.activate(now, zone, actor);
            events.addAll(active.events());
            renewal = active.membership();
        }
        return new Transition(renewal, events);
    }

    // ------------------------------------------------------------------------------------------------ automatic renewal

    /**
     * Switches automatic renewal off: when this period ends, no next period is created. {@code reason} says why, in
     * the history ("Arrêté par le membre", "Abonnement Stripe terminé"...). Already off: nothing changes, no event.
     *
     * @throws ConflictException {@code membership.renewal.subscriptions-only} for a card or a day pass,
     *     {@code membership.renewal.ended} when it has expired or was cancelled (its renewal, if any, is the next
     *     period)
     */
    public Transition stopRenewal(String reason, Instant now, String actor) {
        Objects.requireNonNull(reason);
        checkRenewalChangeable(false);
        if (!autoRenew) {
            return new Transition(this, List.of());
        }
        return new Transition(withAutoRenew(false),
                List.of(new MembershipEvent.RenewalStopped(id, now, actor, reason)));
    }

    /**
     * Switches automatic renewal back on: when this period ends, the next one is created. Already on: nothing changes,
     * no event.
     *
     * @throws ConflictException as {@link #stopRenewal}
     */
    public Transition resumeRenewal(Instant now, String actor) {
        checkRenewalChangeable(true);
        if (autoRenew) {
            return new Transition(this, List.of());
        }
        return new Transition(withAutoRenew(true), List.of(new MembershipEvent.RenewalResumed(id, now, actor)));
    }

    private void checkRenewalChangeable(boolean wanted) {
        if (kind() != MembershipKind.SUBSCRIPTION) {
            throw new ConflictException("membership.renewal.subscriptions-only");
        }
        if (status.isFinal() && autoRenew != wanted) {
            throw new ConflictException("membership.renewal.ended");
        }
    }

    private Membership withAutoRenew(boolean renew) {
        return new Membership(id, network, member, offer, status, entriesRemaining, validFrom, validUntil,
                periodAnchor, amountPaid, renewalOf, renew, soldAt, soldBy, soldOnline, activatedAt, endedAt, cancelReason,
                version);
    }

    // ------------------------------------------------------------------------------------------------ reading

    public MembershipKind kind() {
        return offer.kind();
    }

    public OperatorId seller() {
        return offer.operator();
    }

    /** Cards only: the entries bought. */
    public @Nullable Integer entriesTotal() {
        return offer.terms() instanceof OfferTerms.Card card ? card.entries() : null;
    }

    /** The validity (current period of a subscription), once known. */
    public @Nullable Validity validity() {
        return validFrom == null || validUntil == null ? null : new Validity(validFrom, validUntil);
    }

    /**
     * Whether it lets the member in at a place of {@code operatorOfPlace} on {@code date} (network time): active,
     * valid that day, the place in its scope (the seller's places, the chosen places, or any place of the network),
     * and for a card at least one entry left. The check-in path has its own read model; this is the rule.
     */
    public boolean covers(PlaceId place, OperatorId operatorOfPlace, LocalDate date) {
        if (status != MembershipStatus.ACTIVE || validFrom == null || validUntil == null
                || date.isBefore(validFrom) || date.isAfter(validUntil)) {
            return false;
        }
        if (entriesRemaining != null && entriesRemaining <= 0) {
            return false;
        }
        return switch (offer.scope()) {
            case OfferScope.OperatorPlaces p -> operatorOfPlace.equals(offer.operator());
            case OfferScope.ChosenPlaces chosen -> chosen.places().contains(place);
            case OfferScope.WholeNetwork n -> true;
        };
    }

    private Membership with(MembershipStatus newStatus, @Nullable LocalDate from, @Nullable LocalDate until,
            Money paid, @Nullable Instant activated, @Nullable Instant ended, @Nullable String reason) {
        return new Membership(id, network, member, offer, newStatus, entriesRemaining, from, until, periodAnchor,
                paid, renewalOf, autoRenew, soldAt, soldBy, soldOnline, activated, ended, reason, version);
    }

    private static BigDecimal euros(Money money) {
        return BigDecimal.valueOf(money.cents(), 2);
    }
}
