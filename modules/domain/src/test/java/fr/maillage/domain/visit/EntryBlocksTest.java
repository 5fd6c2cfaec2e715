package fr.maillage.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryBlocksTest {

    static final Duration THREE_HOURS = Duration.ofHours(3);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void la_serre_a_four_hour_visit_with_three_hour_entries_consumes_two() {
        assertThat(EntryBlocks.started(Duration.ofHours(4), THREE_HOURS)).isEqualTo(2);
    }

    @Test
    void one_entry_per_started_block_and_at_least_one_at_check_in() {
        assertThat(EntryBlocks.started(Duration.ZERO, THREE_HOURS)).as("0 min, at check-in").isEqualTo(1);
        assertThat(EntryBlocks.started(Duration.ofMinutes(1), THREE_HOURS)).isEqualTo(1);
        assertThat(EntryBlocks.started(THREE_HOURS, THREE_HOURS)).as("exactly one block").isEqualTo(1);
        assertThat(EntryBlocks.started(THREE_HOURS.plusSeconds(1), THREE_HOURS)).as("the second block has started")
                .isEqualTo(2);
        assertThat(EntryBlocks.started(THREE_HOURS.plusNanos(1_000), THREE_HOURS)).as("by a microsecond")
                .isEqualTo(2);
        assertThat(EntryBlocks.started(Duration.ofHours(6), THREE_HOURS)).isEqualTo(2);
        assertThat(EntryBlocks.started(Duration.ofHours(8), THREE_HOURS)).isEqualTo(3);
        assertThat(EntryBlocks.started(Duration.ofMinutes(100), Duration.ofMinutes(15))).isEqualTo(7);
    }

    @Test
    void blocks_are_real_time_across_daylight_saving_changes() {
        // 26 October 2025, Paris: the clock goes back from 03:00 to 02:00. 01:00 to 03:30 on the wall clock is
        // three and a half real hours: two 3-hour entries.
        Instant in = LocalDateTime.of(2025, 10, 26, 1, 0).atZone(PARIS).toInstant();
        Instant out = LocalDateTime.of(2025, 10, 26, 3, 30).atZone(PARIS).toInstant();
        assertThat(Duration.between(in, out)).isEqualTo(Duration.ofMinutes(210));
        assertThat(EntryBlocks.started(in, out, THREE_HOURS)).isEqualTo(2);
        // 30 March 2025: the clock jumps from 02:00 to 03:00. 01:00 to 04:00 on the wall clock is two real hours.
        Instant springIn = LocalDateTime.of(2025, 3, 30, 1, 0).atZone(PARIS).toInstant();
        Instant springOut = LocalDateTime.of(2025, 3, 30, 4, 0).atZone(PARIS).toInstant();
        assertThat(EntryBlocks.started(springIn, springOut, THREE_HOURS)).isEqualTo(1);
    }

    @Test
    void a_longer_presence_never_consumes_fewer_entries_seeded() {
        Random random = new Random(20260302L);
        for (int i = 0; i < 10_000; i++) {
            Duration entry = Duration.ofMinutes(15L * (1 + random.nextInt(96)));
            Duration a = Duration.ofSeconds(random.nextInt(3 * 24 * 3600));
            Duration b = a.plusSeconds(random.nextInt(12 * 3600));
            int blocksA = EntryBlocks.started(a, entry);
            assertThat(EntryBlocks.started(b, entry)).isGreaterThanOrEqualTo(blocksA);
            // The blocks cover the presence, and one block fewer would not.
            assertThat(entry.multipliedBy(blocksA)).isGreaterThanOrEqualTo(a);
            assertThat(entry.multipliedBy(blocksA - 1)).isLessThan(a.isZero() ? Duration.ofNanos(1) : a);
        }
    }

    @Test
    void refuses_a_negative_presence_or_an_empty_entry() {
        assertThatThrownBy(() -> EntryBlocks.started(Duration.ofSeconds(-1), THREE_HOURS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBlocks.started(Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
