package fr.maillage.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.hours.HoursException.Closed;
import fr.maillage.domain.hours.HoursException.Special;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursExceptionTest {

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void a_closed_period_covers_its_first_and_last_days() {
        Closed christmas = Closed.parse("2026-12-24", "2027-01-02", "Vacances de Noël");
        assertThat(christmas.covers(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(christmas.covers(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(christmas.covers(LocalDate.of(2026, 12, 23))).isFalse();
        assertThat(christmas.covers(LocalDate.of(2027, 1, 3))).isFalse();
        assertThat(Closed.on(LocalDate.of(2026, 6, 19), "Inventaire"))
                .isEqualTo(new Closed(LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 19), "Inventaire"));
    }

    @Test
    void a_closed_period_ends_on_or_after_its_start() {
        assertThatThrownBy(() -> Closed.parse("2027-01-02", "2026-12-24", ""))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("hours.exception.period.invalid");
                    assertThat(e.arguments()).containsExactly(LocalDate.of(2027, 1, 2), LocalDate.of(2026, 12, 24));
                });
    }

    @Test
    void dates_are_iso_dates() {
        assertRefused(() -> Closed.parse("24/12/2026", "2027-01-02", ""), "hours.date.malformed");
        assertRefused(() -> Special.parse("2026-02-30", List.of("10:00-12:00"), ""), "hours.date.malformed");
    }

    @Test
    void a_label_is_short_single_line_text_normalized() {
        assertThat(Closed.on(LocalDate.of(2026, 8, 15), "  Fermeture   estivale ").label())
                .isEqualTo("Fermeture estivale");
        assertThat(Closed.on(LocalDate.of(2026, 8, 15), "").label()).isEmpty();
        assertThat(Closed.on(LocalDate.of(2026, 8, 15), "é".repeat(80)).label()).hasSize(80);
        assertThatThrownBy(() -> Closed.on(LocalDate.of(2026, 8, 15), "x".repeat(81)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("hours.label.length");
                    assertThat(e.arguments()).containsExactly(80);
                });
        assertRefused(() -> Closed.on(LocalDate.of(2026, 8, 15), "Fermé\nà cause de la neige"),
                "text.control-characters");
        assertRefused(() -> Special.parse("2026-12-05", List.of("10:00-12:00"), "Portes\u0000ouvertes"),
                "text.control-characters");
    }

    @Test
    void a_special_day_has_sorted_ranges_under_the_weekly_rules() {
        Special openDay = Special.parse("2026-12-05", List.of("14:00-16:00", "10:00-12:00"), "Samedi portes ouvertes");
        assertThat(openDay.ranges()).extracting(TimeRange::format).containsExactly("10:00-12:00", "14:00-16:00");
        assertThat(openDay.firstDay()).isEqualTo(openDay.lastDay()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(openDay.covers(LocalDate.of(2026, 12, 5))).isTrue();
        assertThat(openDay.covers(LocalDate.of(2026, 12, 6))).isFalse();
        assertRefused(() -> Special.parse("2026-12-05", List.of("10:00-12:00", "11:00-13:00"), ""),
                "hours.range.overlap");
        assertRefused(() -> Special.parse("2026-12-05", List.of(), ""), "hours.exception.special.empty");
        assertRefused(() -> Special.parse("2026-12-05",
                List.of("01:00-02:00", "03:00-04:00", "05:00-06:00", "07:00-08:00", "09:00-10:00", "11:00-12:00",
                        "13:00-14:00"), ""), "hours.day.too-many-ranges");
    }
}
