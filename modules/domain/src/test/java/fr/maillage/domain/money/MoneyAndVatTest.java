package fr.maillage.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class MoneyAndVatTest {

    @Test
    void a_card_of_ten_entries_for_fifty_euros_is_worth_five_euros_an_entry() {
        assertThat(Money.euros(5_000).dividedBy(10)).isEqualTo(Money.euros(500));
        assertThat(Money.euros(1_000).dividedBy(3).cents()).isEqualTo(333);
        assertThat(Money.euros(2_000).dividedBy(3).cents()).as("half-up").isEqualTo(667);
    }

    @Test
    void vat_is_rounded_half_up_per_line() {
        assertThat(VatRate.STANDARD.vatOn(1_000)).isEqualTo(200);
        assertThat(VatRate.REDUCED.vatOn(1_000)).isEqualTo(55);
        assertThat(VatRate.REDUCED.vatOn(10)).as("0.55 cent rounds up").isEqualTo(1);
        assertThat(VatRate.REDUCED.vatOn(9)).as("0.495 cent rounds down").isZero();
    }

    @Test
    void rates_are_read_as_people_write_them() {
        assertThat(VatRate.percent("5,5")).isEqualTo(VatRate.REDUCED);
        assertThat(VatRate.percent("20")).isEqualTo(VatRate.STANDARD);
        assertThat(VatRate.REDUCED.toString()).isEqualTo("5.5 %");
        assertThatThrownBy(() -> VatRate.percent("5.555")).hasMessageContaining("vat.rate.precision");
        assertThatThrownBy(() -> VatRate.percent("abc")).hasMessageContaining("vat.rate.format");
        assertThatThrownBy(() -> VatRate.percent("120")).hasMessageContaining("vat.rate.range");
    }

    @Test
    void amounts_are_never_negative_nor_absurd() {
        assertThatThrownBy(() -> Money.euros(-1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.euros(Money.MAX_CENTS + 1)).isInstanceOf(InvalidValueException.class);
        assertThat(Money.euros(5_000).plus(Money.euros(50)).toString()).isEqualTo("50.50 EUR");
    }
}
