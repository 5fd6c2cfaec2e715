package fr.maillage.adapter.rest.membership;

import fr.maillage.adapter.rest.shared.OfferParts;
import fr.maillage.adapter.rest.shared.OfferParts.Scope;
import fr.maillage.adapter.rest.shared.OfferParts.Terms;
import fr.maillage.application.membership.port.in.ManageMembershipsUseCase.PaymentResult;
import fr.maillage.application.membership.port.out.MembershipEventPort.StoredEvent;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.OfferSnapshot;
import fr.maillage.domain.membership.Payment;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.offer.OfferTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A membership as the API shows it: what was sold (the offer's name, terms, price and scope at the sale), its state,
 * what was paid and what remains, its validity (a subscription's current period) and, for a card, the entries bought
 * and left. {@code channel}: {@code DESK} (sold by a manager) or {@code ONLINE} (bought by the member through Checkout,
 * invoiced when paid).
 */
public record MembershipResponse(UUID id, UUID memberId, UUID offerId, UUID operatorId, String offerName, String kind,
        String status, long priceCents, @Nullable String vatRate, long amountPaidCents, long balanceCents,
        Terms terms, Scope scope, @Nullable Integer entriesTotal, @Nullable Integer entriesRemaining,
        @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, boolean autoRenew, @Nullable UUID renewalOf,
        Instant soldAt, String soldBy, String channel, @Nullable Instant activatedAt, @Nullable Instant endedAt,
        @Nullable String cancelReason, long version) {

    public static MembershipResponse of(Membership m) {
        OfferSnapshot o = m.offer();
        VatRate rate = o.vatRate();
        return new MembershipResponse(m.id().value(), m.member().value(), o.offer(), o.operator().value(), o.name(),
                m.kind().name(), m.status().name(), o.price().cents(),
                OfferParts.vatRate(rate), m.amountPaid().cents(), m.balance().cents(),
                Terms.of(o.terms()), Scope.of(o.scope()), m.entriesTotal(), m.entriesRemaining(), m.validFrom(),
                m.validUntil(), m.autoRenew(), m.renewalOf() == null ? null : m.renewalOf().value(), m.soldAt(),
                m.soldBy(), m.soldOnline() ? "ONLINE" : "DESK", m.activatedAt(), m.endedAt(), m.cancelReason(), m.version());
    }

    /** A payment, as recorded. */
    record PaymentView(UUID id, String method, long amountCents, @Nullable String reference, LocalDate receivedOn,
            Instant recordedAt, String recordedBy, @Nullable String idempotencyKey) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.method().name(), p.amount().cents(), p.reference(), p.receivedOn(),
                    p.recordedAt(), p.recordedBy(), p.idempotencyKey());
        }
    }

    /** The answer to a payment: the payment and the membership after it. */
    record PaymentResponse(PaymentView payment, MembershipResponse membership, boolean replayed) {

        static PaymentResponse of(PaymentResult result) {
            return new PaymentResponse(PaymentView.of(result.payment()), MembershipResponse.of(result.membership()),
                    result.replayed());
        }
    }

    /** One event of a membership's history. */
    record EventResponse(int position, String type, Instant occurredAt, String actor, Map<String, String> details) {

        static EventResponse of(StoredEvent e) {
            return new EventResponse(e.position(), e.type(), e.occurredAt(), e.actor(), e.details());
        }
    }
}
