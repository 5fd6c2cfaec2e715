package fr.maillage.domain.hours;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    static final WeeklySchedule LA_SERRE = WeeklySchedule.parse(Map.of(
            "MONDAY", List.of("09:00-17:00"),
            "TUESDAY", List.of("09:00-17:00"),
            "THURSDAY", List.of("14:00-17:00")));

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void la_serre_opens_three_days_a_week_and_the_other_days_are_closed() {
        assertThat(LA_SERRE.on(MONDAY)).containsExactly(TimeRange.parse("09:00-17:00"));
        assertThat(LA_SERRE.on(THURSDAY)).containsExactly(TimeRange.parse("14:00-17:00"));
        assertThat(LA_SERRE.on(WEDNESDAY)).isEmpty();
        assertThat(LA_SERRE.on(SUNDAY)).isEmpty();
        assertThat(LA_SERRE.on(LocalDate.of(2026, 3, 10))).as("a Tuesday")
                .containsExactly(TimeRange.parse("09:00-17:00"));
        assertThat(LA_SERRE.days()).hasSize(7);
        assertThat(LA_SERRE.days().keySet()).first().isEqualTo(MONDAY);
        assertThat(LA_SERRE.isAlwaysClosed()).isFalse();
        assertThat(WeeklySchedule.CLOSED.isAlwaysClosed()).isTrue();
    }

    @Test
    void several_ranges_a_day_are_kept_sorted() {
        WeeklySchedule schedule = WeeklySchedule.parse(Map.of("friday", List.of("14:00-17:00", "9:00-12:00")));
        assertThat(schedule.on(DayOfWeek.FRIDAY)).extracting(TimeRange::format)
                .containsExactly("09:00-12:00", "14:00-17:00");
    }

    @Test
    void overlapping_or_touching_ranges_are_refused_not_merged() {
        assertThatThrownBy(() -> WeeklySchedule.parse(Map.of("MONDAY", List.of("09:00-12:00", "11:00-14:00"))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("hours.range.overlap");
                    assertThat(e.arguments()).containsExactly("09:00-12:00", "11:00-14:00");
                });
        assertRefused(() -> WeeklySchedule.parse(Map.of("MONDAY", List.of("12:00-14:00", "09:00-12:00"))),
                "hours.range.overlap");
        assertRefused(() -> WeeklySchedule.parse(Map.of("MONDAY", List.of("09:00-17:00", "10:00-11:00"))),
                "hours.range.overlap");
        assertRefused(() -> WeeklySchedule.parse(Map.of("MONDAY", List.of("09:00-12:00", "09:00-12:00"))),
                "hours.range.overlap");
        assertThat(WeeklySchedule.parse(Map.of("MONDAY", List.of("09:00-12:00", "12:01-14:00"))).on(MONDAY))
                .hasSize(2);
    }

    @Test
    void at_most_six_ranges_a_day() {
        List<String> six = List.of("08:00-09:00", "10:00-11:00", "12:00-13:00", "14:00-15:00", "16:00-17:00",
                "18:00-19:00");
        assertThat(WeeklySchedule.parse(Map.of("MONDAY", six)).on(MONDAY)).hasSize(6);
        List<String> seven = new ArrayList<>(six);
        seven.add("20:00-21:00");
        assertThatThrownBy(() -> WeeklySchedule.parse(Map.of("MONDAY", seven)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("hours.day.too-many-ranges");
                    assertThat(e.arguments()).containsExactly(6);
                });
    }

    @Test
    void days_are_english_names_in_any_case_each_given_once() {
        assertRefused(() -> WeeklySchedule.parse(Map.of("lundi", List.of("09:00-17:00"))), "hours.day.unknown");
        assertRefused(() -> WeeklySchedule.parse(Map.of("MON", List.of("09:00-17:00"))), "hours.day.unknown");
        Map<String, List<String>> twice = new LinkedHashMap<>();
        twice.put("MONDAY", List.of("09:00-12:00"));
        twice.put("monday", List.of("14:00-17:00"));
        assertRefused(() -> WeeklySchedule.parse(twice), "hours.day.duplicate");
        assertRefused(() -> WeeklySchedule.parse(Map.of("MONDAY", List.of("9 to 5"))), "hours.range.malformed");
    }

    @Test
    void the_api_shape_lists_every_day_from_monday_and_reads_back() {
        Map<String, List<String>> api = LA_SERRE.format();
        assertThat(api.keySet()).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                "SUNDAY");
        assertThat(api.get("TUESDAY")).containsExactly("09:00-17:00");
        assertThat(api.get("WEDNESDAY")).isEmpty();
        assertThat(WeeklySchedule.parse(api)).isEqualTo(LA_SERRE);
    }

    @Test
    void with_replaces_one_day_and_leaves_the_schedule_unchanged() {
        WeeklySchedule withWednesday = LA_SERRE.with(WEDNESDAY, List.of(TimeRange.parse("10:00-12:00")));
        assertThat(withWednesday.on(WEDNESDAY)).containsExactly(TimeRange.parse("10:00-12:00"));
        assertThat(withWednesday.on(TUESDAY)).isEqualTo(LA_SERRE.on(TUESDAY));
        assertThat(LA_SERRE.on(WEDNESDAY)).isEmpty();
        assertThat(withWednesday).isNotEqualTo(LA_SERRE);
        assertThat(withWednesday.with(WEDNESDAY, List.of())).isEqualTo(LA_SERRE);
    }

    @Test
    void the_days_cannot_be_changed_from_outside() {
        assertThatThrownBy(() -> LA_SERRE.days().put(WEDNESDAY, List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** Random days of ranges on a quarter-hour grid: accepted exactly when at most six, pairwise apart. */
    @Test
    void a_day_is_accepted_exactly_when_its_ranges_are_few_and_apart() {
        Random random = new Random(20260329L);
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            List<TimeRange> ranges = new ArrayList<>();
            int count = random.nextInt(8);
            for (int j = 0; j < count; j++) {
                int start = random.nextInt(96) * 15;
                int end = start + (1 + random.nextInt(12)) * 15;
                ranges.add(new TimeRange(start, Math.min(end, TimeRange.END_OF_DAY)));
            }
            boolean apart = true;
            for (int a = 0; a < ranges.size(); a++) {
                for (int b = a + 1; b < ranges.size(); b++) {
                    TimeRange x = ranges.get(a);
                    TimeRange y = ranges.get(b);
                    apart &= x.endMinute() < y.startMinute() || y.endMinute() < x.startMinute();
                }
            }
            boolean expected = apart && ranges.size() <= 6;
            try {
                List<TimeRange> kept = WeeklySchedule.CLOSED.with(MONDAY, ranges).on(MONDAY);
                assertThat(expected).as("accepted %s", ranges).isTrue();
                assertThat(kept).containsExactlyInAnyOrderElementsOf(ranges).isSorted();
                accepted++;
            } catch (InvalidValueException refused) {
                assertThat(expected).as("refused %s", ranges).isFalse();
                assertThat(refused.code()).isEqualTo(ranges.size() > 6 ? "hours.day.too-many-ranges"
                        : "hours.range.overlap");
            }
        }
        assertThat(accepted).as("the generator reaches valid days too").isGreaterThan(500);
    }
}
