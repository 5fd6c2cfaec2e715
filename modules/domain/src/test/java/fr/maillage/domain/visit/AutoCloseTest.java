package fr.maillage.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.WeeklySchedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoCloseTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** La Serre: Monday and Tuesday 09:00-17:00, Thursday 14:00-17:00. */
    static final OpeningHours LA_SERRE = OpeningHours.of(PARIS, WeeklySchedule.parse(Map.of(
            "MONDAY", List.of("09:00-17:00"), "TUESDAY", List.of("09:00-17:00"), "THURSDAY", List.of("14:00-17:00"))));

    @Test
    void a_visit_begun_in_opening_hours_is_closed_at_the_closing_of_that_opening() {
        assertThat(AutoClose.dueAt(LA_SERRE, paris(2026, 3, 2, 13, 0))).isEqualTo(paris(2026, 3, 2, 17, 0));
        assertThat(AutoClose.dueAt(LA_SERRE, paris(2026, 3, 5, 14, 0))).isEqualTo(paris(2026, 3, 5, 17, 0));
    }

    @Test
    void a_visit_begun_outside_opening_hours_ends_at_midnight_or_at_the_next_opening() {
        assertThat(AutoClose.dueAt(LA_SERRE, paris(2026, 3, 2, 19, 30))).as("Monday evening: at midnight")
                .isEqualTo(paris(2026, 3, 3, 0, 0));
        assertThat(AutoClose.dueAt(LA_SERRE, paris(2026, 3, 2, 7, 30))).as("Monday early: when it opens at 09:00")
                .isEqualTo(paris(2026, 3, 2, 9, 0));
        assertThat(AutoClose.dueAt(LA_SERRE, paris(2026, 3, 4, 10, 0))).as("Wednesday, closed all day")
                .isEqualTo(paris(2026, 3, 5, 0, 0));
    }

    @Test
    void the_closing_follows_daylight_saving_changes() {
        OpeningHours sundays = OpeningHours.of(PARIS, WeeklySchedule.parse(Map.of("SUNDAY", List.of("01:00-17:00"))));
        // 26 October 2025, the clock goes back at 03:00: 17:00 is at UTC+1.
        assertThat(AutoClose.dueAt(sundays, paris(2025, 10, 26, 1, 30)))
                .isEqualTo(Instant.parse("2025-10-26T16:00:00Z"));
        // 30 March 2025, the clock jumps at 02:00: 17:00 is at UTC+2.
        assertThat(AutoClose.dueAt(sundays, paris(2025, 3, 30, 1, 30)))
                .isEqualTo(Instant.parse("2025-03-30T15:00:00Z"));
        // Outside hours on the night the clock goes back, midnight comes 25 hours after the previous one.
        assertThat(AutoClose.dueAt(OpeningHours.of(PARIS, WeeklySchedule.CLOSED), paris(2025, 10, 26, 0, 30)))
                .isEqualTo(Instant.parse("2025-10-26T23:00:00Z"));
    }

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
    }
}
