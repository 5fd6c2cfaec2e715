package fr.maillage.domain.membership;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.operator.OperatorId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a membership: each transition emits one or more events, kept as the membership's history and
 * handed to the modules that follow memberships (invoices and credit notes, online payments, mails). Events are facts:
 * a transition that changes nothing (a retried payment, a second cancellation) emits none.
 */
public sealed interface MembershipEvent {

    MembershipId membership();

    Instant occurredAt();

    /** The subject of the person who caused it, or {@code system:...} for a scheduled process. */
    String actor();

    /** The stable name of the kind of event ({@code SOLD}, {@code PAYMENT_RECORDED}, ...). */
    String type();

    /** The facts of the event as text, for the history. */
    Map<String, String> details();

    /**
     * A manager sold the offer, or the member bought it online ({@code online}: to be paid through the payment
     * provider), or a subscription renewed itself ({@code renewalOf} is the previous period).
     */
    record Sold(MembershipId membership, Instant occurredAt, String actor, UUID offer, OperatorId seller,
            MembershipKind kind, Money price, @Nullable LocalDate startsOn, boolean autoRenew,
            @Nullable MembershipId renewalOf, boolean online) implements MembershipEvent {

        @Override
        public String type() {
            return "SOLD";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("offerId", offer.toString());
            d.put("operatorId", seller.toString());
            d.put("kind", kind.name());
            d.put("priceCents", Long.toString(price.cents()));
            if (startsOn != null) {
                d.put("startsOn", startsOn.toString());
            }
            d.put("autoRenew", Boolean.toString(autoRenew));
            if (renewalOf != null) {
                d.put("renewalOf", renewalOf.toString());
            }
            d.put("channel", online ? "ONLINE" : "DESK");
            return d;
        }
    }

    /** Money was received; {@code amountPaid} is the total paid after it. */
    record PaymentRecorded(MembershipId membership, Instant occurredAt, String actor, Payment payment,
            Money amountPaid) implements MembershipEvent {

        @Override
        public String type() {
            return "PAYMENT_RECORDED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("paymentId", payment.id().toString());
            d.put("method", payment.method().name());
            d.put("amountCents", Long.toString(payment.amount().cents()));
            if (payment.reference() != null) {
                d.put("reference", payment.reference());
            }
            d.put("receivedOn", payment.receivedOn().toString());
            d.put("amountPaidCents", Long.toString(amountPaid.cents()));
            return d;
        }
    }

    /** The membership is paid in full (or free) and valid from {@code validFrom} to {@code validUntil}, inclusive. */
    record Activated(MembershipId membership, Instant occurredAt, String actor, LocalDate validFrom,
            LocalDate validUntil, @Nullable Integer entries) implements MembershipEvent {

        @Override
        public String type() {
            return "ACTIVATED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("validFrom", validFrom.toString());
            d.put("validUntil", validUntil.toString());
            if (entries != null) {
                d.put("entries", entries.toString());
            }
            return d;
        }
    }

    /** Cancelled by a manager, with the reason; {@code amountPaid} is what had been paid (a refund is a credit note). */
    record Cancelled(MembershipId membership, Instant occurredAt, String actor, String reason,
            MembershipStatus from, Money amountPaid) implements MembershipEvent {

        @Override
        public String type() {
            return "CANCELLED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("reason", reason);
            d.put("from", from.name());
            d.put("amountPaidCents", Long.toString(amountPaid.cents()));
            return d;
        }
    }

    /** Its validity is over; {@code occurredAt} is the start of the day after {@code validUntil}, in network time. */
    record Expired(MembershipId membership, Instant occurredAt, String actor, LocalDate validUntil,
            @Nullable Integer entriesRemaining) implements MembershipEvent {

        @Override
        public String type() {
            return "EXPIRED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("validUntil", validUntil.toString());
            if (entriesRemaining != null) {
                d.put("entriesRemaining", entriesRemaining.toString());
            }
            return d;
        }
    }

    /** A subscription that renews itself: its next period is the membership {@code renewal}, pending payment. */
    record Renewed(MembershipId membership, Instant occurredAt, String actor, MembershipId renewal,
            LocalDate validFrom, LocalDate validUntil) implements MembershipEvent {

        @Override
        public String type() {
            return "RENEWED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("renewalId", renewal.toString());
            d.put("validFrom", validFrom.toString());
            d.put("validUntil", validUntil.toString());
            return d;
        }
    }

    /**
     * Money paid for the membership was given back to the member (by the payment provider: {@code reference} is its
     * refund or charge id); {@code amount} is this refund, {@code amountPaid} what remains paid after it. Invoicing
     * turns it into a credit note. The membership's status does not change: a manager cancels it if need be.
     */
    record Refunded(MembershipId membership, Instant occurredAt, String actor, Money amount, String reference,
            PaymentMethod method) implements MembershipEvent {

        @Override
        public String type() {
            return "REFUNDED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("amountCents", Long.toString(amount.cents()));
            d.put("reference", reference);
            d.put("method", method.name());
            return d;
        }
    }

    /**
     * Automatic renewal was switched off (by the member, a seller, or the payment provider's subscription ending or
     * set to end): no next period will be created. {@code reason} says why, as the history shows it.
     */
    record RenewalStopped(MembershipId membership, Instant occurredAt, String actor, String reason)
            implements MembershipEvent {

        @Override
        public String type() {
            return "RENEWAL_STOPPED";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("reason", reason);
            return d;
        }
    }

    /** Automatic renewal was switched back on: the next period will be created when this one ends. */
    record RenewalResumed(MembershipId membership, Instant occurredAt, String actor) implements MembershipEvent {

        @Override
        public String type() {
            return "RENEWAL_RESUMED";
        }

        @Override
        public Map<String, String> details() {
            return Map.of();
        }
    }
}
