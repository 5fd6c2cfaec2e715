package fr.maillage.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.visit.HeldMembership.Kind;
import fr.maillage.domain.visit.HeldMembership.Scope;
import fr.maillage.domain.visit.HeldMembership.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoveringRuleTest {

    static final OperatorId SERROIS = new OperatorId(new UUID(0, 1));
    static final OperatorId TUVES = new OperatorId(new UUID(0, 2));
    static final PlaceId LA_SERRE = new PlaceId(new UUID(1, 1));
    static final PlaceId LES_TUVES = new PlaceId(new UUID(1, 2));
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant SOLD = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void a_subscription_first_then_a_day_pass_then_the_card_that_expires_soonest() {
        HeldMembership laterCard = card(SERROIS, Scope.OPERATOR_PLACES, 5, MONDAY.plusMonths(6), SOLD);
        HeldMembership soonerCard = card(SERROIS, Scope.OPERATOR_PLACES, 2, MONDAY.plusMonths(1), SOLD);
        HeldMembership dayPass = of(Kind.DAY_PASS, SERROIS, Scope.OPERATOR_PLACES, MONDAY, MONDAY, SOLD);
        HeldMembership subscription = of(Kind.SUBSCRIPTION, SERROIS, Scope.OPERATOR_PLACES, MONDAY.minusDays(10),
                MONDAY.plusDays(20), SOLD);

        assertThat(choose(laterCard, soonerCard, dayPass, subscription)).contains(subscription);
        assertThat(choose(laterCard, soonerCard, dayPass)).contains(dayPass);
        assertThat(choose(laterCard, soonerCard)).contains(soonerCard);
        assertThat(choose(laterCard)).contains(laterCard);
        assertThat(choose()).isEmpty();
    }

    @Test
    void a_card_without_entries_left_is_skipped() {
        HeldMembership empty = card(SERROIS, Scope.OPERATOR_PLACES, 0, MONDAY.plusDays(1), SOLD);
        HeldMembership full = card(SERROIS, Scope.OPERATOR_PLACES, 10, MONDAY.plusYears(1), SOLD);
        assertThat(choose(empty, full)).contains(full);
        assertThat(choose(empty)).isEmpty();
    }

    @Test
    void only_active_memberships_valid_on_the_local_date() {
        HeldMembership card = card(SERROIS, Scope.OPERATOR_PLACES, 3, MONDAY, SOLD);
        assertThat(CoveringRule.choose(List.of(card), LA_SERRE, SERROIS, MONDAY)).as("the last day is included")
                .contains(card);
        assertThat(CoveringRule.choose(List.of(card), LA_SERRE, SERROIS, MONDAY.plusDays(1))).isEmpty();
        HeldMembership future = of(Kind.DAY_PASS, SERROIS, Scope.OPERATOR_PLACES, MONDAY.plusDays(1),
                MONDAY.plusDays(1), SOLD);
        assertThat(choose(future)).isEmpty();
        for (Status status : List.of(Status.PENDING_PAYMENT, Status.EXPIRED, Status.CANCELLED)) {
            HeldMembership notActive = new HeldMembership(UUID.randomUUID(), UUID.randomUUID(), SERROIS, Kind.CARD,
                    status, "Carte", Money.euros(5_000), Scope.OPERATOR_PLACES, Set.of(), 10, 10,
                    Duration.ofHours(3), MONDAY.minusDays(1), MONDAY.plusYears(1), SOLD);
            assertThat(choose(notActive)).as(status.name()).isEmpty();
        }
        HeldMembership pending = new HeldMembership(UUID.randomUUID(), UUID.randomUUID(), SERROIS, Kind.CARD,
                Status.PENDING_PAYMENT, "Carte", Money.euros(5_000), Scope.OPERATOR_PLACES, Set.of(), 10, 10,
                Duration.ofHours(3), null, null, SOLD);
        assertThat(choose(pending)).as("not activated, no validity yet").isEmpty();
    }

    @Test
    void the_scope_must_include_the_place() {
        HeldMembership tuvesCard = card(TUVES, Scope.OPERATOR_PLACES, 5, MONDAY.plusMonths(1), SOLD);
        assertThat(choose(tuvesCard)).as("another operator's places").isEmpty();
        assertThat(CoveringRule.choose(List.of(tuvesCard), LES_TUVES, TUVES, MONDAY)).contains(tuvesCard);

        HeldMembership chosen = new HeldMembership(UUID.randomUUID(), UUID.randomUUID(), TUVES, Kind.CARD,
                Status.ACTIVE, "Carte", Money.euros(5_000), Scope.CHOSEN_PLACES, Set.of(LES_TUVES), 10, 10,
                Duration.ofHours(3), MONDAY, MONDAY.plusYears(1), SOLD);
        assertThat(choose(chosen)).isEmpty();
        assertThat(CoveringRule.choose(List.of(chosen), LES_TUVES, TUVES, MONDAY)).contains(chosen);

        HeldMembership pass = card(TUVES, Scope.WHOLE_NETWORK, 5, MONDAY.plusMonths(1), SOLD);
        assertThat(choose(pass)).as("a pass réseau sold by Les Tuves, used at La Serre").contains(pass);
    }

    @Test
    void ties_go_to_the_one_sold_first_then_to_the_smallest_id() {
        HeldMembership first = card(SERROIS, Scope.OPERATOR_PLACES, 5, MONDAY.plusMonths(1), SOLD);
        HeldMembership second = card(SERROIS, Scope.OPERATOR_PLACES, 5, MONDAY.plusMonths(1), SOLD.plusSeconds(60));
        assertThat(choose(second, first)).contains(first);
        HeldMembership a = withId(first, new UUID(9, 1));
        HeldMembership b = withId(first, new UUID(9, 2));
        assertThat(choose(b, a)).contains(a);
    }

    @Test
    void the_choice_is_a_candidate_preferred_to_every_other_candidate_and_ignores_order_seeded() {
        Random random = new Random(4_2026L);
        List<OperatorId> operators = List.of(SERROIS, TUVES);
        for (int round = 0; round < 2_000; round++) {
            List<HeldMembership> held = new ArrayList<>();
            int count = random.nextInt(7);
            for (int i = 0; i < count; i++) {
                Kind kind = Kind.values()[random.nextInt(3)];
                Scope scope = Scope.values()[random.nextInt(3)];
                LocalDate from = MONDAY.minusDays(random.nextInt(40));
                LocalDate until = MONDAY.plusDays(random.nextInt(40) - 5);
                boolean card = kind == Kind.CARD;
                int remaining = random.nextInt(3);
                held.add(new HeldMembership(new UUID(round, i), UUID.randomUUID(),
                        operators.get(random.nextInt(2)), kind, Status.values()[random.nextInt(4)], "Offre",
                        Money.euros(1_000), scope, random.nextBoolean() ? Set.of(LA_SERRE) : Set.of(LES_TUVES),
                        card ? 2 : null, card ? remaining : null, card ? Duration.ofHours(3) : null, from,
                        until.isBefore(from) ? from : until, SOLD.plusSeconds(random.nextInt(5))));
            }
            Optional<HeldMembership> chosen = CoveringRule.choose(held, LA_SERRE, SERROIS, MONDAY);
            List<HeldMembership> candidates = held.stream()
                    .filter(m -> m.validOn(MONDAY) && m.covers(LA_SERRE, SERROIS)
                            && (!m.isCard() || m.hasEntriesLeft()))
                    .toList();
            assertThat(chosen.isPresent()).isEqualTo(!candidates.isEmpty());
            if (chosen.isPresent()) {
                HeldMembership c = chosen.get();
                assertThat(candidates).contains(c);
                int rank = rank(c.kind());
                assertThat(candidates).allSatisfy(other -> assertThat(rank(other.kind())).isGreaterThanOrEqualTo(rank));
                assertThat(candidates.stream().filter(o -> o.kind() == c.kind()))
                        .allSatisfy(other -> assertThat(other.validUntil()).isAfterOrEqualTo(c.validUntil()));
            }
            List<HeldMembership> shuffled = new ArrayList<>(held);
            Collections.shuffle(shuffled, random);
            assertThat(CoveringRule.choose(shuffled, LA_SERRE, SERROIS, MONDAY)).isEqualTo(chosen);
        }
    }

    @Test
    void an_offer_covers_a_place_as_its_scope_says() {
        NetworkId network = new NetworkId(UUID.randomUUID());
        OfferTerms card = new OfferTerms.Card(10, Duration.ofHours(3), Period.ofYears(1));
        Offer own = new Offer(UUID.randomUUID(), network, SERROIS, "Carte 10 entrées", card, Money.euros(5_000), null,
                new OfferScope.OperatorPlaces(), false, false, 0);
        Offer chosen = new Offer(UUID.randomUUID(), network, TUVES, "Carte Tuves", card, Money.euros(5_000), null,
                new OfferScope.ChosenPlaces(Set.of(LES_TUVES)), false, false, 0);
        Offer pass = new Offer(UUID.randomUUID(), network, TUVES, "Pass réseau", card, Money.euros(5_000), null,
                new OfferScope.WholeNetwork(), false, false, 0);
        assertThat(List.of(own, chosen, pass)).filteredOn(o -> CoveringRule.offerCovers(o, LA_SERRE, SERROIS))
                .containsExactly(own, pass);
        assertThat(List.of(own, chosen, pass)).filteredOn(o -> CoveringRule.offerCovers(o, LES_TUVES, TUVES))
                .containsExactly(chosen, pass);
    }

    @Test
    void the_unit_value_of_an_entry_is_the_price_divided_by_the_entries_bought() {
        assertThat(card(SERROIS, Scope.OPERATOR_PLACES, 3, MONDAY, SOLD).entryValue()).isEqualTo(Money.euros(500));
        HeldMembership odd = new HeldMembership(UUID.randomUUID(), UUID.randomUUID(), SERROIS, Kind.CARD,
                Status.ACTIVE, "Carte", Money.euros(10_000), Scope.OPERATOR_PLACES, Set.of(), 3, 3,
                Duration.ofHours(3), MONDAY, MONDAY, SOLD);
        assertThat(odd.entryValue()).as("100 € / 3 = 33.33 €").isEqualTo(Money.euros(3_333));
    }

    // ---------------------------------------------------------------- helpers

    private static Optional<HeldMembership> choose(HeldMembership... held) {
        return CoveringRule.choose(List.of(held), LA_SERRE, SERROIS, MONDAY);
    }

    private static int rank(Kind kind) {
        return List.of(Kind.SUBSCRIPTION, Kind.DAY_PASS, Kind.CARD).indexOf(kind);
    }

    static HeldMembership card(OperatorId seller, Scope scope, int remaining, LocalDate until, Instant soldAt) {
        return new HeldMembership(UUID.randomUUID(), UUID.randomUUID(), seller, Kind.CARD, Status.ACTIVE,
                "Carte 10 entrées", Money.euros(5_000), scope, Set.of(), 10, remaining, Duration.ofHours(3),
                until.minusYears(1), until, soldAt);
    }

    private static HeldMembership of(Kind kind, OperatorId seller, Scope scope, LocalDate from, LocalDate until,
            Instant soldAt) {
        return new HeldMembership(UUID.randomUUID(), UUID.randomUUID(), seller, kind, Status.ACTIVE, kind.name(),
                Money.euros(1_200), scope, Set.of(), null, null, null, from, until, soldAt);
    }

    private static HeldMembership withId(HeldMembership m, UUID id) {
        return new HeldMembership(id, m.offer(), m.operator(), m.kind(), m.status(), m.offerName(), m.price(),
                m.scope(), m.chosenPlaces(), m.entriesTotal(), m.entriesRemaining(), m.entryDuration(), m.validFrom(),
                m.validUntil(), m.soldAt());
    }

}
