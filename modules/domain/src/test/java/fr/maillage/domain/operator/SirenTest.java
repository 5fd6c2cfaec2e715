package fr.maillage.domain.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"732829320", "552 032 534", "55203253400646", "356000000", "35600000049837"})
    void sirens_and_sirets_with_a_valid_key_are_accepted(String raw) {
        assertThat(Siren.of(raw).value()).doesNotContain(" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "55203253400647", "35600000049838", "73282932", "7328293201", "ABCDEFGHI"})
    void a_wrong_key_or_length_is_refused(String raw) {
        assertThatThrownBy(() -> Siren.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_siret_knows_its_siren_and_prints_grouped() {
        Siren siret = Siren.of("55203253400646");
        assertThat(siret.isSiret()).isTrue();
        assertThat(siret.siren()).isEqualTo("552032534");
        assertThat(siret.formatted()).isEqualTo("552 032 534 00646");
        assertThat(Siren.of("552032534").formatted()).isEqualTo("552 032 534");
    }

    @Test
    void changing_any_single_digit_of_a_valid_number_breaks_the_luhn_key() {
        String valid = "732829320";
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            int position = random.nextInt(valid.length());
            int digit = (valid.charAt(position) - '0' + 1 + random.nextInt(9)) % 10;
            String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
            assertThat(Siren.luhn(changed)).as(changed).isFalse();
        }
    }
}
