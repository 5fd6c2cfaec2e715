package fr.maillage.domain.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeRangeTest {

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource({
            "09:00-17:00, 540, 1020",
            "9:00-17:00, 540, 1020",
            "9h-17h, 540, 1020",
            "9h30 - 12h, 570, 720",
            "  08:15 – 12:45 , 495, 765",
            "00:00-24:00, 0, 1440",
            "20:00-24:00, 1200, 1440",
            "23:59-24:00, 1439, 1440"})
    void a_range_is_read_in_the_usual_french_ways(String text, int start, int end) {
        assertThat(TimeRange.parse(text)).isEqualTo(new TimeRange(start, end));
    }

    @Test
    void midnight_at_the_end_is_24_00_the_end_of_the_day() {
        TimeRange evening = TimeRange.of("20:00", "24:00");
        assertThat(evening.endsAtMidnight()).isTrue();
        assertThat(evening.format()).isEqualTo("20:00-24:00");
        assertThat(evening.length()).isEqualTo(Duration.ofHours(4));
        LocalDate day = LocalDate.of(2026, 12, 31);
        assertThat(evening.endOn(day)).isEqualTo(LocalDateTime.of(2027, 1, 1, 0, 0));
        assertThat(evening.startOn(day)).isEqualTo(LocalDateTime.of(2026, 12, 31, 20, 0));
        assertThat(evening.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(evening.contains(LocalTime.MIDNIGHT)).isFalse();
        assertThat(TimeRange.untilMidnight(LocalTime.of(20, 0))).isEqualTo(evening);
        assertThat(TimeRange.of("09:00", "17:00").endsAtMidnight()).isFalse();
    }

    @Test
    void midnight_as_an_end_must_be_written_24_00() {
        assertRefused(() -> TimeRange.of("20:00", "00:00"), "hours.range.invalid");
        assertRefused(() -> TimeRange.of(LocalTime.of(20, 0), LocalTime.MIDNIGHT), "hours.range.invalid");
        assertRefused(() -> TimeRange.of("24:00", "24:00"), "hours.range.invalid");
        assertThat(TimeRange.of(LocalTime.of(9, 0), LocalTime.of(17, 0))).isEqualTo(TimeRange.parse("09:00-17:00"));
    }

    @ParameterizedTest
    @CsvSource({"17:00, 09:00", "09:00, 09:00", "12:00, 11:59"})
    void a_range_must_end_after_it_starts(String start, String end) {
        assertThatThrownBy(() -> TimeRange.of(start, end)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.code()).isEqualTo("hours.range.invalid");
            assertThat(e.arguments()).containsExactly(TimeRange.formatMinute(TimeRange.parseMinute(start)),
                    TimeRange.formatMinute(TimeRange.parseMinute(end)));
        });
    }

    @Test
    void minutes_outside_the_day_are_refused() {
        assertRefused(() -> new TimeRange(-1, 60), "hours.range.invalid");
        assertRefused(() -> new TimeRange(0, 1441), "hours.range.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9", "25:00", "24:01", "24:30", "9:60", "09:5", "009:00", "9.00", "9h5", "-1:00",
            "noon", "09:00:00", "٩:٠٠"})
    void malformed_times_are_refused(String time) {
        assertRefused(() -> TimeRange.of(time, "23:00"), "hours.time.malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "09:00", "09:00-", "-17:00", "09:00 17:00", "09:00--17:00", "09:00-17:00-18:00"})
    void malformed_ranges_are_refused(String text) {
        assertThatThrownBy(() -> TimeRange.parse(text)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isIn("hours.range.malformed", "hours.time.malformed"));
    }

    @Test
    void times_with_seconds_are_refused() {
        assertRefused(() -> TimeRange.of(LocalTime.of(9, 0, 30), LocalTime.of(17, 0)), "hours.time.malformed");
    }

    @Test
    void every_valid_range_on_a_five_minute_grid_formats_and_reads_back_to_itself() {
        int checked = 0;
        for (int start = 0; start <= TimeRange.END_OF_DAY; start += 5) {
            for (int end = 0; end <= TimeRange.END_OF_DAY; end += 5) {
                if (start < end) {
                    TimeRange range = new TimeRange(start, end);
                    assertThat(TimeRange.parse(range.format())).isEqualTo(range);
                    assertThat(range.format()).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
                    assertThat(range.length().toMinutes()).isEqualTo(end - start);
                    checked++;
                } else {
                    int s = start;
                    int e = end;
                    assertRefused(() -> new TimeRange(s, e), "hours.range.invalid");
                }
            }
        }
        assertThat(checked).isEqualTo(289 * 288 / 2);
    }

    @Test
    void every_minute_of_the_day_reads_the_same_in_each_style() {
        for (int minute = 0; minute <= TimeRange.END_OF_DAY; minute++) {
            int h = minute / 60;
            int m = minute % 60;
            assertThat(TimeRange.parseMinute("%02d:%02d".formatted(h, m))).isEqualTo(minute);
            assertThat(TimeRange.parseMinute("%d:%02d".formatted(h, m))).isEqualTo(minute);
            assertThat(TimeRange.parseMinute("%dh%02d".formatted(h, m))).isEqualTo(minute);
            assertThat(TimeRange.formatMinute(minute)).isEqualTo("%02d:%02d".formatted(h, m));
        }
    }

    @Test
    void ranges_sort_by_start_then_end() {
        List<TimeRange> sorted = List.of(TimeRange.parse("14:00-17:00"), TimeRange.parse("09:00-12:00"),
                TimeRange.parse("09:00-10:00")).stream().sorted().toList();
        assertThat(sorted).extracting(TimeRange::format).containsExactly("09:00-10:00", "09:00-12:00", "14:00-17:00");
    }
}
