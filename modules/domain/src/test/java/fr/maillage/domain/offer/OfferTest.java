package fr.maillage.domain.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.money.Money;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.VatRegime;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OfferTest {

    private static Offer offer(Money price, VatRate rate, OfferTerms terms) {
        return new Offer(UUID.randomUUID(), new NetworkId(UUID.randomUUID()), new OperatorId(UUID.randomUUID()),
                "Carte 10 entrées", terms, price, rate, new OfferScope.OperatorPlaces(), false, false, 0);
    }

    @Test
    void la_serre_card_of_ten_three_hour_entries_for_fifty_euros() {
        Offer card = offer(Money.euros(5_000), null, new OfferTerms.Card(10, Duration.ofHours(3), Period.ofYears(1)));
        assertThat(card.entryValue()).isEqualTo(Money.euros(500));
        assertThat(card.netCents()).isEqualTo(5_000);
        assertThat(card.vatCents()).isZero();
    }

    @Test
    void a_price_including_twenty_percent_vat_splits_into_net_and_vat() {
        Offer pass = offer(Money.euros(1_200), VatRate.STANDARD, new OfferTerms.DayPass());
        assertThat(pass.netCents()).isEqualTo(1_000);
        assertThat(pass.vatCents()).isEqualTo(200);
        Offer odd = offer(Money.euros(1_000), VatRate.STANDARD, new OfferTerms.DayPass());
        assertThat(odd.netCents()).as("833.33 rounds to 833").isEqualTo(833);
        assertThat(odd.netCents() + odd.vatCents()).isEqualTo(1_000);
    }

    @Test
    void the_vat_must_follow_the_operators_regime() {
        VatRegime liable = new VatRegime.Liable(List.of(VatRate.STANDARD, VatRate.REDUCED));
        Offer.checkVat(liable, VatRate.REDUCED);
        assertThatThrownBy(() -> Offer.checkVat(liable, VatRate.INTERMEDIATE)).hasMessageContaining("offer.vat.not-in-regime");
        assertThatThrownBy(() -> Offer.checkVat(liable, null)).hasMessageContaining("offer.vat.not-in-regime");
        Offer.checkVat(new VatRegime.Franchise(), null);
        assertThatThrownBy(() -> Offer.checkVat(new VatRegime.Franchise(), VatRate.STANDARD))
                .hasMessageContaining("offer.vat.not-liable");
        assertThat(new VatRegime.Franchise().invoiceMention()).isEqualTo("TVA non applicable, art. 293 B du CGI");
    }

    @Test
    void card_terms_have_bounds() {
        assertThatThrownBy(() -> new OfferTerms.Card(0, Duration.ofHours(3), Period.ofYears(1)))
                .hasMessageContaining("offer.card.entries.range");
        assertThatThrownBy(() -> new OfferTerms.Card(10, Duration.ofMinutes(20), Period.ofYears(1)))
                .hasMessageContaining("offer.card.entry-duration.range");
        assertThatThrownBy(() -> new OfferTerms.Card(10, Duration.ofHours(3), Period.ofYears(4)))
                .hasMessageContaining("offer.card.validity.range");
    }
}
