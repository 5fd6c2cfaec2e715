package fr.maillage.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"baronnies", "reseau-drome", "so-lozere", "abc", "a1b", "0123456789012345678901234567890123456789"})
    void a_slug_of_lowercase_letters_digits_and_single_hyphens_is_accepted(String raw) {
        assertThat(NetworkSlug.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Baronnies", "-abc", "abc-", "a--b", "réseau", "a b c", "a_bc", "abc/", "01234567890123456789012345678901234567890"})
    void a_slug_outside_the_format_is_refused(String raw) {
        assertThatThrownBy(() -> NetworkSlug.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void any_slug_accepted_matches_the_documented_pattern_and_any_refusal_names_a_slug_rule() {
        Random random = new Random(20261122L);
        String alphabet = "abcz019-_ A.é";
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(45);
            for (int j = 0; j < length; j++) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean expected = raw.toString().matches("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]") && !raw.toString().contains("--");
            try {
                NetworkSlug.of(raw.toString());
                assertThat(expected).as("accepted %s", raw).isTrue();
                accepted++;
            } catch (InvalidValueException refused) {
                assertThat(expected).as("refused %s", raw).isFalse();
                assertThat(refused.code()).startsWith("network.slug.");
            }
        }
        assertThat(accepted).as("the generator reaches valid slugs too").isPositive();
    }

    @Test
    void a_name_is_trimmed_and_its_inner_white_space_collapsed() {
        assertThat(NetworkName.of("  Innover en   Baronnies provençales ").value())
                .isEqualTo("Innover en Baronnies provençales");
    }

    @Test
    void a_name_too_short_too_long_or_with_control_characters_is_refused() {
        assertThatThrownBy(() -> NetworkName.of(" a ")).hasMessageContaining("network.name.length");
        assertThatThrownBy(() -> NetworkName.of("x".repeat(121))).hasMessageContaining("network.name.length");
        assertThatThrownBy(() -> NetworkName.of("Drôme\u0000")).hasMessageContaining("text.control-characters");
        assertThat(NetworkName.of("é".repeat(120)).value()).hasSize(120);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "05", "26", "48", "07", "2A", "2B", "95", "971", "972", "973", "974", "976"})
    void the_insee_departement_codes_are_accepted(String code) {
        assertThat(DepartementCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "20", "96", "99", "975", "977", "2C", "", "1234", "abc", "-5"})
    void codes_that_are_no_departement_are_refused(String code) {
        assertThatThrownBy(() -> DepartementCode.of(code))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("network.departement.unknown"));
    }

    @Test
    void a_departement_code_is_normalized() {
        assertThat(DepartementCode.of("5").value()).isEqualTo("05");
        assertThat(DepartementCode.of(" 2a ").value()).isEqualTo("2A");
    }

    @Test
    void every_two_digit_number_but_00_20_and_96_to_99_is_a_departement() {
        for (int n = 0; n <= 99; n++) {
            String code = String.format("%02d", n);
            boolean expected = n >= 1 && n <= 95 && n != 20;
            boolean accepted;
            try {
                DepartementCode.of(code);
                accepted = true;
            } catch (InvalidValueException e) {
                accepted = false;
            }
            assertThat(accepted).as(code).isEqualTo(expected);
        }
    }

    @Test
    void departements_sort_in_insee_order() {
        List<DepartementCode> sorted = Territory.of("971", "2B", "21", "2A", "19", "05").departements().stream()
                .sorted().toList();
        assertThat(sorted).extracting(DepartementCode::value).containsExactly("05", "19", "2A", "2B", "21", "971");
    }

    @Test
    void a_territory_keeps_the_given_order_without_repeats_and_is_never_empty() {
        assertThat(Territory.of("26", "05", "26").codes()).containsExactly("26", "05");
        assertThatThrownBy(() -> Territory.of(List.of())).hasMessageContaining("network.territory.empty");
        assertThat(Territory.of("26", "05").covers(DepartementCode.of("5"))).isTrue();
        assertThat(Territory.of("26", "05").covers(DepartementCode.of("48"))).isFalse();
    }

    @Test
    void a_time_zone_must_be_an_iana_region() {
        assertThat(NetworkTimeZone.of("Indian/Reunion").zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
        assertThat(NetworkTimeZone.EUROPE_PARIS.id()).isEqualTo("Europe/Paris");
        assertThatThrownBy(() -> NetworkTimeZone.of("+01:00")).hasMessageContaining("network.time-zone.not-a-region");
        assertThatThrownBy(() -> NetworkTimeZone.of("UTC")).hasMessageContaining("network.time-zone.not-a-region");
        assertThatThrownBy(() -> NetworkTimeZone.of("Europe/Lyon")).hasMessageContaining("network.time-zone.unknown");
    }
}
