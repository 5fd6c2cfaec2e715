package fr.maillage.domain.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.Slug;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlaceValuesTest {

    @Test
    void an_insee_code_gives_its_departement() {
        assertThat(InseeCode.of("05166").departement().value()).isEqualTo("05");
        assertThat(InseeCode.of("26063").departement().value()).isEqualTo("26");
        assertThat(InseeCode.of("2a004").departement().value()).isEqualTo("2A");
        assertThat(InseeCode.of("97411").departement().value()).isEqualTo("974");
        assertThatThrownBy(() -> InseeCode.of("20004")).hasMessageContaining("place.insee.format");
        assertThatThrownBy(() -> InseeCode.of("97511")).hasMessageContaining("place.insee.format");
        assertThatThrownBy(() -> InseeCode.of("0516")).hasMessageContaining("place.insee.format");
    }

    @Test
    void slugs_are_derived_from_names() {
        assertThat(Slug.fromName("La Serre").value()).isEqualTo("la-serre");
        assertThat(Slug.fromName("Les Tuves — Buis-les-Baronnies").value()).isEqualTo("les-tuves-buis-les-baronnies");
        assertThat(Slug.fromName("Cœur de Lozère").value()).isEqualTo("coeur-de-lozere");
        assertThat(Slug.fromName("Ô").value()).isEqualTo("o-lieu");
    }

    @Test
    void coordinates_are_bounded_and_rounded_to_six_decimals() {
        Coordinates serres = new Coordinates(44.4291237, 5.7179876);
        assertThat(serres.latitude()).isEqualTo(44.429124);
        assertThatThrownBy(() -> new Coordinates(91, 5)).hasMessageContaining("place.coordinates.range");
        assertThatThrownBy(() -> new Coordinates(Double.NaN, 5)).hasMessageContaining("place.coordinates.range");
    }

    @Test
    void a_description_falls_back_to_french() {
        LocalizedText text = new LocalizedText("Un espace de coworking dans la MSAP", null);
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("Un espace de coworking dans la MSAP");
        assertThat(new LocalizedText("fr", "en").in(Locale.ENGLISH)).isEqualTo("en");
    }
}
