package fr.maillage.domain.membership;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.offer.OfferTerms.Billing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidityTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void a_card_of_one_year_is_valid_until_the_day_before_its_anniversary() {
        Validity v = Validity.ofCard(LocalDate.of(2026, 3, 15), Period.ofYears(1));
        assertThat(v.from()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(v.until()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(v.contains(LocalDate.of(2027, 3, 14))).isTrue();
        assertThat(v.contains(LocalDate.of(2027, 3, 15))).isFalse();
        assertThat(v.contains(LocalDate.of(2026, 3, 14))).isFalse();
    }

    @Test
    void month_ends_clamp_the_way_the_calendar_does() {
        assertThat(Validity.ofCard(LocalDate.of(2026, 1, 31), Period.ofMonths(1)).until())
                .as("31 Jan + 1 month is 28 Feb, minus a day").isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(Validity.ofCard(LocalDate.of(2028, 1, 31), Period.ofMonths(1)).until())
                .as("in a leap year, 29 Feb minus a day").isEqualTo(LocalDate.of(2028, 2, 28));
        assertThat(Validity.ofCard(LocalDate.of(2028, 2, 29), Period.ofYears(1)).until())
                .as("29 Feb 2028 + 1 year is 28 Feb 2029, minus a day").isEqualTo(LocalDate.of(2029, 2, 27));
        assertThat(Validity.ofCard(LocalDate.of(2026, 12, 31), Period.ofDays(1)).until())
                .as("a one-day card").isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void monthly_periods_anchored_on_the_31st_keep_their_anchor_without_gap_or_overlap() {
        LocalDate anchor = LocalDate.of(2026, 1, 31);
        assertThat(Validity.ofSubscription(anchor, Billing.MONTHLY, 0))
                .isEqualTo(new Validity(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 27)));
        assertThat(Validity.ofSubscription(anchor, Billing.MONTHLY, 1))
                .isEqualTo(new Validity(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 30)));
        assertThat(Validity.ofSubscription(anchor, Billing.MONTHLY, 2))
                .isEqualTo(new Validity(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 29)));
        assertThat(Validity.ofSubscription(anchor, Billing.MONTHLY, 3))
                .isEqualTo(new Validity(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 30)));
        Validity period = Validity.ofSubscription(anchor, Billing.MONTHLY, 0);
        for (int i = 1; i <= 24; i++) {
            Validity next = Validity.nextOfSubscription(anchor, Billing.MONTHLY, period.until());
            assertThat(next.from()).isEqualTo(period.until().plusDays(1));
            assertThat(next).isEqualTo(Validity.ofSubscription(anchor, Billing.MONTHLY, i));
            period = next;
        }
        assertThat(period.from()).isEqualTo(LocalDate.of(2028, 1, 31));
    }

    @Test
    void yearly_periods_anchored_on_the_29th_of_february() {
        LocalDate anchor = LocalDate.of(2028, 2, 29);
        assertThat(Validity.ofSubscription(anchor, Billing.YEARLY, 0))
                .isEqualTo(new Validity(anchor, LocalDate.of(2029, 2, 27)));
        assertThat(Validity.nextOfSubscription(anchor, Billing.YEARLY, LocalDate.of(2029, 2, 27)))
                .isEqualTo(new Validity(LocalDate.of(2029, 2, 28), LocalDate.of(2030, 2, 27)));
        assertThat(Validity.ofSubscription(anchor, Billing.YEARLY, 4))
                .as("back on the 29th in the next leap year")
                .isEqualTo(new Validity(LocalDate.of(2032, 2, 29), LocalDate.of(2033, 2, 27)));
    }

    @Test
    void a_period_off_the_anchors_calendar_starts_a_calendar_of_its_own() {
        assertThat(Validity.nextOfSubscription(LocalDate.of(2026, 1, 10), Billing.MONTHLY, LocalDate.of(2026, 3, 4)))
                .isEqualTo(new Validity(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 4)));
    }

    @Test
    void periods_chain_without_gap_or_overlap_for_any_anchor_seeded() {
        Random random = new Random(20260531L);
        for (int run = 0; run < 500; run++) {
            LocalDate anchor = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(3 * 366));
            Billing billing = random.nextBoolean() ? Billing.MONTHLY : Billing.YEARLY;
            Validity period = Validity.ofSubscription(anchor, billing, 0);
            for (int i = 1; i < 30; i++) {
                Validity next = Validity.nextOfSubscription(anchor, billing, period.until());
                assertThat(next.from()).as("anchor %s, period %d", anchor, i).isEqualTo(period.until().plusDays(1));
                assertThat(next).as("anchor %s, period %d", anchor, i)
                        .isEqualTo(Validity.ofSubscription(anchor, billing, i));
                int expectedDay = Math.min(anchor.getDayOfMonth(), next.from().lengthOfMonth());
                assertThat(next.from().getDayOfMonth()).as("anchor %s, period %d", anchor, i).isEqualTo(expectedDay);
                period = next;
            }
        }
    }

    @Test
    void a_validity_ends_at_local_midnight_across_daylight_saving_changes() {
        assertThat(Validity.endOf(LocalDate.of(2026, 3, 28), PARIS))
                .as("winter time until the night of 29 March").isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(Validity.endOf(LocalDate.of(2026, 3, 29), PARIS))
                .as("summer time from 29 March").isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Validity.endOf(LocalDate.of(2026, 10, 24), PARIS))
                .as("still summer time at the start of 25 October").isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(Validity.endOf(LocalDate.of(2026, 10, 25), PARIS))
                .isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(Validity.endOf(LocalDate.of(2026, 10, 25), ZoneId.of("Indian/Reunion")))
                .isEqualTo(Instant.parse("2026-10-25T20:00:00Z"));
    }

    @Test
    void the_date_of_an_instant_is_the_networks_not_utcs() {
        assertThat(Validity.dateOf(Instant.parse("2026-03-28T23:30:00Z"), PARIS)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(Validity.dateOf(Instant.parse("2026-10-24T22:30:00Z"), PARIS)).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(Validity.dateOf(Instant.parse("2026-10-24T21:30:00Z"), PARIS)).isEqualTo(LocalDate.of(2026, 10, 24));
    }
}
