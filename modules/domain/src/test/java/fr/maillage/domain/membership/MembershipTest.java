package fr.maillage.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.DomainException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MembershipTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final OperatorId CCSB = new OperatorId(UUID.randomUUID());
    static final OfferTerms.Card LA_SERRE = new OfferTerms.Card(10, Duration.ofHours(3), Period.ofYears(1));
    /** Monday 16 March 2026, 10:00 in Serres. */
    static final Instant MONDAY = Instant.parse("2026-03-16T09:00:00Z");

    static OfferSnapshot offer(OfferTerms terms, long cents) {
        return offer(terms, cents, new OfferScope.OperatorPlaces());
    }

    static OfferSnapshot offer(OfferTerms terms, long cents, OfferScope scope) {
        return new OfferSnapshot(UUID.randomUUID(), CCSB, "Carte 10 entrées", terms, Money.euros(cents), null, scope);
    }

    static Transition sell(OfferSnapshot offer, Membership.Sale sale, Instant at) {
        return Membership.sell(new MembershipId(UUID.randomUUID()), new NetworkId(UUID.randomUUID()),
                new MemberId(UUID.randomUUID()), offer, sale, at, PARIS, "manager-1");
    }

    static Membership sold(OfferSnapshot offer) {
        return sell(offer, new Membership.Sale(null, false), MONDAY).membership();
    }

    static Payment payment(Membership m, PaymentMethod method, long cents, @Nullable String reference, Instant at) {
        return new Payment(UUID.randomUUID(), m.id(), method, Money.euros(cents), reference,
                Validity.dateOf(at, PARIS), at, "manager-1", null);
    }

    static String code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("no domain exception");
    }

    // ---------------------------------------------------------------------------------------------- sale, payments

    @Test
    void la_serre_card_is_pending_until_fifty_euros_are_paid_in_two_payments_then_active_for_a_year() {
        Transition sale = sell(offer(LA_SERRE, 5_000), new Membership.Sale(null, false), MONDAY);
        Membership card = sale.membership();
        assertThat(card.status()).isEqualTo(MembershipStatus.PENDING_PAYMENT);
        assertThat(card.entriesTotal()).isEqualTo(10);
        assertThat(card.entriesRemaining()).isEqualTo(10);
        assertThat(card.validity()).as("a card's validity starts at its activation").isNull();
        assertThat(card.balance()).isEqualTo(Money.euros(5_000));
        assertThat(sale.events()).extracting(MembershipEvent::type).containsExactly("SOLD");

        Transition cash = card.recordPayment(payment(card, PaymentMethod.CASH, 2_000, null, MONDAY), PARIS);
        assertThat(cash.membership().status()).isEqualTo(MembershipStatus.PENDING_PAYMENT);
        assertThat(cash.membership().amountPaid()).isEqualTo(Money.euros(2_000));
        assertThat(cash.membership().balance()).isEqualTo(Money.euros(3_000));
        assertThat(cash.events()).extracting(MembershipEvent::type).containsExactly("PAYMENT_RECORDED");

        Instant thursday = Instant.parse("2026-03-19T15:00:00Z");
        Transition transfer = cash.membership().recordPayment(
                payment(card, PaymentMethod.TRANSFER, 3_000, "VIR-2026-0042", thursday), PARIS);
        Membership active = transfer.membership();
        assertThat(active.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(active.amountPaid()).isEqualTo(Money.euros(5_000));
        assertThat(active.balance().cents()).isZero();
        assertThat(active.activatedAt()).isEqualTo(thursday);
        assertThat(active.validity()).isEqualTo(new Validity(LocalDate.of(2026, 3, 19), LocalDate.of(2027, 3, 18)));
        assertThat(active.entriesRemaining()).isEqualTo(10);
        assertThat(transfer.events()).extracting(MembershipEvent::type).containsExactly("PAYMENT_RECORDED", "ACTIVATED");
        MembershipEvent.Activated activated = (MembershipEvent.Activated) transfer.events().get(1);
        assertThat(activated.entries()).isEqualTo(10);
        assertThat(activated.details()).containsEntry("validUntil", "2027-03-18");
        MembershipEvent.PaymentRecorded recorded = (MembershipEvent.PaymentRecorded) transfer.events().get(0);
        assertThat(recorded.details()).containsEntry("method", "TRANSFER").containsEntry("reference", "VIR-2026-0042")
                .containsEntry("amountPaidCents", "5000");
    }

    @Test
    void a_card_activated_just_after_local_midnight_takes_the_local_date_not_the_utc_one() {
        Membership card = sold(offer(LA_SERRE, 5_000));
        Instant night = Instant.parse("2026-03-28T23:30:00Z"); // 00:30 on 29 March in Paris, the day clocks go forward
        Membership active = card.recordPayment(payment(card, PaymentMethod.CASH, 5_000, null, night), PARIS)
                .membership();
        assertThat(active.validFrom()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(active.validUntil()).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void a_payment_past_the_price_is_refused_with_the_balance_and_changes_nothing() {
        Membership card = sold(offer(LA_SERRE, 5_000));
        Membership partly = card.recordPayment(payment(card, PaymentMethod.CHEQUE, 2_000, "1234567", MONDAY), PARIS)
                .membership();
        ConflictException refused = (ConflictException) catchDomain(() -> partly.recordPayment(
                payment(card, PaymentMethod.CASH, 3_001, null, MONDAY), PARIS));
        assertThat(refused.code()).isEqualTo("membership.payment.exceeds-balance");
        assertThat(refused.arguments()).containsExactly(new BigDecimal("30.00"));
        assertThat(partly.amountPaid()).isEqualTo(Money.euros(2_000));

        Membership paid = partly.recordPayment(payment(card, PaymentMethod.CASH, 3_000, null, MONDAY), PARIS)
                .membership();
        assertThat(code(() -> paid.recordPayment(payment(card, PaymentMethod.CASH, 1, null, MONDAY), PARIS)))
                .as("an active membership is paid in full").isEqualTo("membership.payment.exceeds-balance");
    }

    @Test
    void payments_are_positive_and_a_transfer_has_a_reference() {
        Membership card = sold(offer(LA_SERRE, 5_000));
        assertThat(code(() -> payment(card, PaymentMethod.CASH, 0, null, MONDAY))).isEqualTo("payment.amount.positive");
        assertThat(code(() -> payment(card, PaymentMethod.TRANSFER, 100, null, MONDAY)))
                .isEqualTo("payment.reference.required-for-transfer");
        assertThat(code(() -> payment(card, PaymentMethod.TRANSFER, 100, "   ", MONDAY)))
                .isEqualTo("payment.reference.required-for-transfer");
        assertThat(code(() -> payment(card, PaymentMethod.CHEQUE, 100, "x".repeat(101), MONDAY)))
                .isEqualTo("payment.reference.length");
        assertThat(payment(card, PaymentMethod.CHEQUE, 100, "  N° 1234  567 ", MONDAY).reference())
                .isEqualTo("N° 1234 567");
        assertThat(code(() -> Payment.idempotencyKey("clé avec espaces"))).isEqualTo("payment.idempotency-key.format");
        assertThat(code(() -> Payment.idempotencyKey("k".repeat(101)))).isEqualTo("payment.idempotency-key.format");
        assertThat(Payment.idempotencyKey("stripe:pi_3Mtw.Bw-LkdIwHu7ix")).isEqualTo("stripe:pi_3Mtw.Bw-LkdIwHu7ix");
        Payment p = payment(card, PaymentMethod.CASH, 100, null, MONDAY);
        assertThat(p.sameRequest(card.id(), PaymentMethod.CASH, Money.euros(100))).isTrue();
        assertThat(p.sameRequest(card.id(), PaymentMethod.CASH, Money.euros(101))).isFalse();
        assertThat(p.sameRequest(card.id(), PaymentMethod.CHEQUE, Money.euros(100))).isFalse();
        assertThat(p.sameRequest(new MembershipId(UUID.randomUUID()), PaymentMethod.CASH, Money.euros(100))).isFalse();
        Membership other = sold(offer(LA_SERRE, 5_000));
        assertThatThrownBy(() -> other.recordPayment(p, PARIS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_free_offer_is_active_at_once() {
        Transition sale = sell(offer(new OfferTerms.DayPass(), 0), new Membership.Sale(null, false), MONDAY);
        assertThat(sale.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(sale.membership().validity()).isEqualTo(Validity.ofDay(LocalDate.of(2026, 3, 16)));
        assertThat(sale.events()).extracting(MembershipEvent::type).containsExactly("SOLD", "ACTIVATED");
        assertThat(code(() -> sale.membership().recordPayment(
                payment(sale.membership(), PaymentMethod.CASH, 1, null, MONDAY), PARIS)))
                .isEqualTo("membership.payment.exceeds-balance");
    }

    @Test
    void a_day_pass_is_for_its_date_and_a_subscription_for_its_first_period() {
        Membership pass = sell(offer(new OfferTerms.DayPass(), 1_200),
                new Membership.Sale(LocalDate.of(2026, 3, 19), false), MONDAY).membership();
        assertThat(pass.validity()).isEqualTo(Validity.ofDay(LocalDate.of(2026, 3, 19)));
        assertThat(pass.status()).isEqualTo(MembershipStatus.PENDING_PAYMENT);
        Membership paid = pass.recordPayment(payment(pass, PaymentMethod.CASH, 1_200, null, MONDAY), PARIS)
                .membership();
        assertThat(paid.validity()).as("paid before its date: still that date")
                .isEqualTo(Validity.ofDay(LocalDate.of(2026, 3, 19)));

        Membership monthly = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.MONTHLY), 12_000),
                new Membership.Sale(LocalDate.of(2026, 1, 31), true), Instant.parse("2026-01-20T10:00:00Z"))
                .membership();
        assertThat(monthly.validity()).isEqualTo(new Validity(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 27)));
        assertThat(monthly.periodAnchor()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(monthly.autoRenew()).isTrue();
        assertThat(monthly.entriesRemaining()).isNull();

        Membership today = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.YEARLY), 100_000),
                new Membership.Sale(null, false), Instant.parse("2026-12-31T23:30:00Z")).membership();
        assertThat(today.validity()).as("today in Paris is already 1 January 2027")
                .isEqualTo(new Validity(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
    }

    @Test
    void starts_and_automatic_renewal_are_checked_against_the_kind_and_today() {
        LocalDate today = LocalDate.of(2026, 3, 16);
        assertThat(code(() -> Membership.checkStart(MembershipKind.CARD, today, today)))
                .isEqualTo("membership.starts-on.not-for-card");
        assertThat(code(() -> Membership.checkStart(MembershipKind.DAY_PASS, LocalDate.of(2026, 2, 15), today)))
                .isEqualTo("membership.starts-on.past");
        Membership.checkStart(MembershipKind.DAY_PASS, LocalDate.of(2026, 2, 16), today);
        Membership.checkStart(MembershipKind.SUBSCRIPTION, LocalDate.of(2027, 3, 16), today);
        assertThat(code(() -> Membership.checkStart(MembershipKind.SUBSCRIPTION, LocalDate.of(2027, 3, 17), today)))
                .isEqualTo("membership.starts-on.too-far");
        Membership.checkStart(MembershipKind.CARD, null, today);
        assertThat(code(() -> Membership.checkAutoRenew(MembershipKind.CARD, true)))
                .isEqualTo("membership.auto-renew.subscriptions-only");
        assertThat(code(() -> sell(offer(new OfferTerms.DayPass(), 100), new Membership.Sale(null, true), MONDAY)))
                .isEqualTo("membership.auto-renew.subscriptions-only");
        Membership.checkAutoRenew(MembershipKind.SUBSCRIPTION, true);
    }

    // ---------------------------------------------------------------------------------------------- cancellation

    @Test
    void pending_or_active_memberships_are_cancelled_with_a_reason_once() {
        Membership card = sold(offer(LA_SERRE, 5_000));
        assertThat(code(() -> card.cancel("  ", MONDAY, "manager-1"))).isEqualTo("membership.cancel.reason.length");
        assertThat(code(() -> card.cancel("x".repeat(501), MONDAY, "manager-1")))
                .isEqualTo("membership.cancel.reason.length");
        Transition cancelled = card.cancel(" Vendue  par erreur ", MONDAY, "manager-1");
        assertThat(cancelled.membership().status()).isEqualTo(MembershipStatus.CANCELLED);
        assertThat(cancelled.membership().cancelReason()).isEqualTo("Vendue par erreur");
        assertThat(cancelled.membership().endedAt()).isEqualTo(MONDAY);
        assertThat(cancelled.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("CANCELLED");
            assertThat(e.details()).containsEntry("from", "PENDING_PAYMENT").containsEntry("amountPaidCents", "0");
        });
        Transition again = cancelled.membership().cancel("Encore", MONDAY.plusSeconds(60), "manager-2");
        assertThat(again.changed()).as("a second cancellation changes nothing").isFalse();
        assertThat(again.membership()).isEqualTo(cancelled.membership());
        assertThat(code(() -> cancelled.membership().recordPayment(
                payment(card, PaymentMethod.CASH, 100, null, MONDAY), PARIS))).isEqualTo("membership.payment.not-accepted");

        Membership active = card.recordPayment(payment(card, PaymentMethod.CASH, 5_000, null, MONDAY), PARIS)
                .membership();
        Transition stopped = active.cancel("Déménagement", MONDAY, "manager-1");
        assertThat(stopped.events()).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("from", "ACTIVE").containsEntry("amountPaidCents", "5000"));
    }

    // ---------------------------------------------------------------------------------------------- expiry, renewal

    @Test
    void an_active_card_expires_at_local_midnight_after_its_last_day_even_across_the_autumn_change() {
        Membership card = sold(offer(new OfferTerms.Card(10, Duration.ofHours(3), Period.ofMonths(6)), 5_000));
        // Activated on Saturday 25 April 2026: valid until 24 October 2026 inclusive.
        Membership active = card.recordPayment(payment(card, PaymentMethod.CASH, 5_000, null,
                Instant.parse("2026-04-25T08:00:00Z")), PARIS).membership();
        assertThat(active.validUntil()).isEqualTo(LocalDate.of(2026, 10, 24));

        Instant lastMinute = Instant.parse("2026-10-24T21:59:00Z"); // 23:59 summer time, 24 October
        assertThat(active.isDueToExpire(Validity.dateOf(lastMinute, PARIS))).isFalse();
        assertThat(active.expire(lastMinute, PARIS, "system:test").changed()).isFalse();

        Instant midnight = Instant.parse("2026-10-24T22:00:00Z"); // 00:00 on 25 October, the night of the change
        Transition expired = active.expire(midnight.plusSeconds(3 * 3600), PARIS, "system:test");
        assertThat(expired.membership().status()).isEqualTo(MembershipStatus.EXPIRED);
        assertThat(expired.membership().endedAt()).isEqualTo(midnight);
        assertThat(expired.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("EXPIRED");
            assertThat(e.occurredAt()).isEqualTo(midnight);
            assertThat(e.details()).containsEntry("validUntil", "2026-10-24").containsEntry("entriesRemaining", "10");
        });
        assertThat(code(() -> expired.membership().cancel("Trop tard", midnight, "manager-1")))
                .isEqualTo("membership.not-cancellable");
        assertThat(code(() -> expired.membership().recordPayment(
                payment(card, PaymentMethod.CASH, 1, null, midnight), PARIS))).isEqualTo("membership.payment.not-accepted");
        assertThat(sold(offer(LA_SERRE, 5_000)).isDueToExpire(LocalDate.of(2099, 1, 1)))
                .as("a pending membership never expires on its own").isFalse();
    }

    @Test
    void a_subscription_bought_online_says_so_in_its_sale_and_its_renewals_stay_online() {
        Instant saleDay = Instant.parse("2026-01-31T09:00:00Z");
        Transition sale = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.MONTHLY), 12_000),
                new Membership.Sale(null, true, true), saleDay);
        assertThat(sale.membership().soldOnline()).isTrue();
        assertThat(((MembershipEvent.Sold) sale.events().getFirst()).online()).isTrue();
        assertThat(sale.events().getFirst().details()).containsEntry("channel", "ONLINE");
        Membership expired = sale.membership().recordPayment(payment(sale.membership(), PaymentMethod.ONLINE, 12_000,
                null, saleDay), PARIS).membership().expire(Instant.parse("2026-02-28T00:05:00Z"), PARIS, "system:m")
                .membership();
        Transition renewal = expired.renew(new MembershipId(UUID.randomUUID()), Instant.parse("2026-02-28T00:05:00Z"),
                PARIS, "system:m");
        assertThat(renewal.membership().soldOnline()).isTrue();
        assertThat(((MembershipEvent.Sold) renewal.events().get(1)).online()).isTrue();

        Transition desk = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.MONTHLY), 12_000),
                new Membership.Sale(null, true), saleDay);
        assertThat(desk.membership().soldOnline()).isFalse();
        assertThat(desk.events().getFirst().details()).containsEntry("channel", "DESK");
    }

    @Test
    void a_monthly_subscription_anchored_on_the_31st_renews_into_the_next_period_pending_payment() {
        Instant saleDay = Instant.parse("2026-01-31T09:00:00Z");
        Transition sale = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.MONTHLY), 12_000),
                new Membership.Sale(null, true), saleDay);
        Membership first = sale.membership().recordPayment(payment(sale.membership(), PaymentMethod.CASH, 12_000,
                null, saleDay), PARIS).membership();
        assertThat(first.validity()).isEqualTo(new Validity(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 27)));
        assertThat(first.renews()).as("not before its period ends").isFalse();

        Instant job = Instant.parse("2026-02-28T00:05:00Z"); // 01:05 on 28 February in Paris
        Membership expired = first.expire(job, PARIS, "system:memberships").membership();
        assertThat(expired.renews()).isTrue();
        MembershipId nextId = new MembershipId(UUID.randomUUID());
        Transition renewal = expired.renew(nextId, job, PARIS, "system:memberships");
        Membership second = renewal.membership();
        assertThat(second.id()).isEqualTo(nextId);
        assertThat(second.renewalOf()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(MembershipStatus.PENDING_PAYMENT);
        assertThat(second.amountPaid().cents()).isZero();
        assertThat(second.autoRenew()).isTrue();
        assertThat(second.periodAnchor()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(second.validity()).isEqualTo(new Validity(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 30)));
        assertThat(second.offer()).isEqualTo(first.offer());
        assertThat(renewal.events()).extracting(MembershipEvent::type).containsExactly("RENEWED", "SOLD");
        assertThat(renewal.events().get(0).membership()).isEqualTo(first.id());
        assertThat(renewal.events().get(1).membership()).isEqualTo(nextId);
        assertThat(renewal.events().get(1).details()).containsEntry("renewalOf", first.id().toString());

        Membership third = second.recordPayment(payment(second, PaymentMethod.CASH, 12_000, null, job), PARIS)
                .membership().expire(Instant.parse("2026-03-30T22:00:00Z"), PARIS, "system:memberships").membership()
                .renew(new MembershipId(UUID.randomUUID()), job, PARIS, "system:memberships").membership();
        assertThat(third.validity()).as("back on the 31st")
                .isEqualTo(new Validity(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 29)));

        Membership card = sold(offer(LA_SERRE, 5_000));
        assertThatThrownBy(() -> card.renew(new MembershipId(UUID.randomUUID()), job, PARIS, "system"))
                .isInstanceOf(IllegalStateException.class);
        Membership cancelled = first.cancel("Fin", job, "manager-1").membership();
        assertThat(cancelled.renews()).as("a cancelled subscription does not renew").isFalse();
    }

    @Test
    void a_free_subscription_renews_active() {
        Membership free = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.YEARLY), 0),
                new Membership.Sale(LocalDate.of(2026, 3, 1), true), MONDAY).membership();
        assertThat(free.status()).isEqualTo(MembershipStatus.ACTIVE);
        Instant nextYear = Instant.parse("2027-03-01T06:00:00Z");
        Transition renewal = free.expire(nextYear, PARIS, "system").membership()
                .renew(new MembershipId(UUID.randomUUID()), nextYear, PARIS, "system");
        assertThat(renewal.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(renewal.membership().validity())
                .isEqualTo(new Validity(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 2, 29)));
        assertThat(renewal.events()).extracting(MembershipEvent::type).containsExactly("RENEWED", "SOLD", "ACTIVATED");
    }

    @Test
    void automatic_renewal_is_stopped_and_resumed_with_one_event_each_and_a_stopped_subscription_does_not_renew() {
        Instant saleDay = Instant.parse("2026-01-31T09:00:00Z");
        Membership sold = sell(offer(new OfferTerms.Subscription(OfferTerms.Billing.MONTHLY), 12_000),
                new Membership.Sale(null, true), saleDay).membership();
        Membership active = sold.recordPayment(payment(sold, PaymentMethod.CASH, 12_000, null, saleDay), PARIS)
                .membership();
        Instant later = saleDay.plusSeconds(3600);

        Transition stop = active.stopRenewal("Arrêté par le membre", later, "member-1");
        assertThat(stop.membership().autoRenew()).isFalse();
        assertThat(stop.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(stop.membership().validity()).isEqualTo(active.validity());
        assertThat(stop.membership().amountPaid()).isEqualTo(active.amountPaid());
        assertThat(stop.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("RENEWAL_STOPPED");
            assertThat(e.membership()).isEqualTo(active.id());
            assertThat(e.occurredAt()).isEqualTo(later);
            assertThat(e.actor()).isEqualTo("member-1");
            assertThat(e.details()).containsExactly(java.util.Map.entry("reason", "Arrêté par le membre"));
        });
        Transition again = stop.membership().stopRenewal("Encore", later, "manager-1");
        assertThat(again.changed()).as("already stopped: no event").isFalse();
        assertThat(again.membership()).isSameAs(stop.membership());

        Membership expired = stop.membership().expire(Instant.parse("2026-02-28T00:05:00Z"), PARIS, "system")
                .membership();
        assertThat(expired.renews()).as("a stopped subscription is not renewed").isFalse();
        assertThatThrownBy(() -> expired.renew(new MembershipId(UUID.randomUUID()), later, PARIS, "system"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(code(() -> expired.resumeRenewal(later, "member-1"))).isEqualTo("membership.renewal.ended");
        assertThat(expired.stopRenewal("Encore", later, "member-1").changed())
                .as("stopping an ended one that does not renew changes nothing").isFalse();

        Transition resume = stop.membership().resumeRenewal(later, "manager-1");
        assertThat(resume.membership().autoRenew()).isTrue();
        assertThat(resume.events()).extracting(MembershipEvent::type).containsExactly("RENEWAL_RESUMED");
        assertThat(resume.events().getFirst().details()).isEmpty();
        assertThat(resume.membership().resumeRenewal(later, "manager-1").changed()).as("already on").isFalse();
        assertThat(resume.membership().expire(Instant.parse("2026-02-28T00:05:00Z"), PARIS, "system").membership()
                .renews()).isTrue();

        Membership pending = sold.stopRenewal("Arrêté par le vendeur", saleDay, "manager-1").membership();
        assertThat(pending.autoRenew()).as("a pending period stops too").isFalse();
        Membership cancelled = active.cancel("Départ", later, "manager-1").membership();
        assertThat(code(() -> cancelled.stopRenewal("Départ", later, "manager-1")))
                .isEqualTo("membership.renewal.ended");
        Membership card = sold(offer(LA_SERRE, 5_000));
        assertThat(code(() -> card.stopRenewal("Non", later, "manager-1")))
                .isEqualTo("membership.renewal.subscriptions-only");
        assertThat(code(() -> card.resumeRenewal(later, "manager-1")))
                .isEqualTo("membership.renewal.subscriptions-only");
    }

    // ---------------------------------------------------------------------------------------------- coverage

    @Test
    void covers_the_places_of_its_scope_while_active_valid_and_with_entries_left() {
        PlaceId laSerre = new PlaceId(UUID.randomUUID());
        PlaceId lesTuves = new PlaceId(UUID.randomUUID());
        OperatorId tuves = new OperatorId(UUID.randomUUID());
        LocalDate day = LocalDate.of(2026, 3, 20);

        Membership card = sold(offer(LA_SERRE, 5_000));
        assertThat(card.covers(laSerre, CCSB, day)).as("pending").isFalse();
        Membership active = card.recordPayment(payment(card, PaymentMethod.CASH, 5_000, null, MONDAY), PARIS)
                .membership();
        assertThat(active.covers(laSerre, CCSB, day)).isTrue();
        assertThat(active.covers(lesTuves, tuves, day)).as("another operator's place").isFalse();
        assertThat(active.covers(laSerre, CCSB, LocalDate.of(2026, 3, 15))).as("before activation").isFalse();
        assertThat(active.covers(laSerre, CCSB, LocalDate.of(2027, 3, 15))).as("last day").isTrue();
        assertThat(active.covers(laSerre, CCSB, LocalDate.of(2027, 3, 16))).as("after its last day").isFalse();
        Membership usedUp = new Membership(active.id(), active.network(), active.member(), active.offer(),
                active.status(), 0, active.validFrom(), active.validUntil(), null, active.amountPaid(), null, false,
                active.soldAt(), active.soldBy(), false, active.activatedAt(), null, null, 3);
        assertThat(usedUp.covers(laSerre, CCSB, day)).as("no entry left").isFalse();

        Membership chosen = sell(offer(new OfferTerms.DayPass(), 0, new OfferScope.ChosenPlaces(Set.of(lesTuves))),
                new Membership.Sale(day, false), MONDAY).membership();
        assertThat(chosen.covers(lesTuves, tuves, day)).isTrue();
        assertThat(chosen.covers(laSerre, CCSB, day)).isFalse();
        assertThat(chosen.covers(lesTuves, tuves, day.plusDays(1))).isFalse();

        Membership pass = sell(offer(new OfferTerms.DayPass(), 0, new OfferScope.WholeNetwork()),
                new Membership.Sale(day, false), MONDAY).membership();
        assertThat(pass.covers(lesTuves, tuves, day)).isTrue();
        assertThat(pass.covers(laSerre, CCSB, day)).isTrue();
        assertThat(pass.cancel("Erreur", MONDAY, "m").membership().covers(laSerre, CCSB, day)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------- properties

    @Test
    void any_sequence_of_payments_never_pays_past_the_price_and_activates_exactly_once_seeded() {
        Random random = new Random(5_000L);
        for (int run = 0; run < 300; run++) {
            long price = 1 + random.nextInt(20_000);
            Membership m = sold(offer(LA_SERRE, price));
            int activations = 0;
            long accepted = 0;
            for (int i = 0; i < 12; i++) {
                long amount = 1 + random.nextInt((int) Math.max(1, price / 2));
                Payment p = payment(m, PaymentMethod.CASH, amount, null, MONDAY.plusSeconds(i));
                try {
                    Transition t = m.recordPayment(p, PARIS);
                    activations += (int) t.events().stream().filter(e -> e.type().equals("ACTIVATED")).count();
                    accepted += amount;
                    m = t.membership();
                } catch (ConflictException e) {
                    assertThat(e.code()).isEqualTo("membership.payment.exceeds-balance");
                    assertThat(accepted + amount).isGreaterThan(price);
                }
                assertThat(m.amountPaid().cents()).isEqualTo(accepted).isLessThanOrEqualTo(price);
                assertThat(m.status() == MembershipStatus.ACTIVE).isEqualTo(accepted == price);
            }
            assertThat(activations).isEqualTo(accepted == price ? 1 : 0);
        }
    }

    @Test
    void the_invariants_refuse_inconsistent_states() {
        Membership card = sold(offer(LA_SERRE, 5_000));
        assertThatThrownBy(() -> new Membership(card.id(), card.network(), card.member(), card.offer(),
                MembershipStatus.ACTIVE, 10, null, null, null, card.amountPaid(), null, false, card.soldAt(),
                card.soldBy(), false, null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Membership(card.id(), card.network(), card.member(), card.offer(),
                card.status(), 11, null, null, null, card.amountPaid(), null, false, card.soldAt(), card.soldBy(),
                false, null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Membership(card.id(), card.network(), card.member(), card.offer(),
                card.status(), 10, null, null, null, Money.euros(5_001), null, false, card.soldAt(), card.soldBy(),
                false, null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Membership(card.id(), card.network(), card.member(), card.offer(),
                MembershipStatus.CANCELLED, 10, null, null, null, card.amountPaid(), null, false, card.soldAt(),
                card.soldBy(), false, null, MONDAY, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Membership(card.id(), card.network(), card.member(), card.offer(),
                card.status(), 10, null, null, null, card.amountPaid(), null, true, card.soldAt(), card.soldBy(),
                false, null, null, null, 0)).as("cards do not renew").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_refund_lowers_what_is_paid_and_emits_refunded_without_changing_the_status() {
        Membership m = sold(offer(LA_SERRE, 9_000));
        Membership paid = m.recordPayment(payment(m, PaymentMethod.CASH, 9_000, null, MONDAY), PARIS).membership();
        assertThat(paid.status()).isEqualTo(MembershipStatus.ACTIVE);

        Transition refunded = paid.refund(Money.euros(3_000), "re_1", MONDAY.plusSeconds(60), "system:stripe");

        assertThat(refunded.membership().amountPaid()).isEqualTo(Money.euros(6_000));
        assertThat(refunded.membership().status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(refunded.events()).singleElement().isInstanceOfSatisfying(MembershipEvent.Refunded.class, e -> {
            assertThat(e.type()).isEqualTo("REFUNDED");
            assertThat(e.amount()).isEqualTo(Money.euros(3_000));
            assertThat(e.reference()).isEqualTo("re_1");
            assertThat(e.details()).containsEntry("amountCents", "3000").containsEntry("reference", "re_1");
        });
    }

    @Test
    void a_refund_never_exceeds_what_is_paid_whatever_the_sequence() {
        Random random = new Random(20261122L);
        for (int run = 0; run < 200; run++) {
            Membership m = sold(offer(LA_SERRE, 1 + random.nextInt(20_000)));
            long price = m.offer().price().cents();
            long first = 1 + (long) random.nextInt((int) price);
            m = m.recordPayment(payment(m, PaymentMethod.CHEQUE, first, null, MONDAY), PARIS).membership();
            long refunded = 0;
            for (int step = 0; step < 5; step++) {
                long amount = 1 + random.nextInt((int) price);
                Membership before = m;
                if (amount <= before.amountPaid().cents()) {
                    m = before.refund(Money.euros(amount), "re_" + step, MONDAY, "system:stripe").membership();
                    refunded += amount;
                } else {
                    assertThat(code(() -> before.refund(Money.euros(amount), "re", MONDAY, "system:stripe")))
                            .isEqualTo("membership.refund.exceeds-paid");
                }
                assertThat(m.amountPaid().cents()).isEqualTo(first - refunded).isNotNegative();
            }
        }
    }

    @Test
    void a_refund_is_of_a_positive_amount() {
        Membership m = sold(offer(LA_SERRE, 9_000));
        assertThat(code(() -> m.refund(Money.euros(0), "re_0", MONDAY, "system:stripe")))
                .isEqualTo("payment.amount.positive");
    }

    private static DomainException catchDomain(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("no domain exception");
    }
}
