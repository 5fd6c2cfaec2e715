package fr.maillage.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The import job's state machine: all or nothing, progress never backwards, a stale job is interrupted. */
class MemberImportTest {

    private static final Instant T0 = Instant.parse("2025-03-14T09:30:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static MemberImport queued(boolean dryRun, int rows) {
        return MemberImport.queued(UUID.randomUUID(), new NetworkId(UUID.randomUUID()), dryRun, rows, "sub-manager",
                T0);
    }

    @Test
    void a_good_file_goes_through_validation_then_import_and_succeeds() {
        MemberImport job = queued(false, 10);
        assertThat(job.status()).isEqualTo(MemberImportStatus.QUEUED);
        assertThat(job.finishedAt()).isNull();

        MemberImport validating = job.validating(T0.plusSeconds(1)).progress(4, T0.plusSeconds(2));
        assertThat(validating.status()).isEqualTo(MemberImportStatus.VALIDATING);
        assertThat(validating.processedRows()).isEqualTo(4);
        assertThat(validating.heartbeatAt()).isEqualTo(T0.plusSeconds(2));

        MemberImport importing = validating.progress(10, T0.plusSeconds(3)).importing(2, T0.plusSeconds(3));
        assertThat(importing.status()).isEqualTo(MemberImportStatus.IMPORTING);
        assertThat(importing.processedRows()).as("the writing phase counts again from zero").isZero();
        assertThat(importing.skippedRows()).isEqualTo(2);

        MemberImport done = importing.progress(6, T0.plusSeconds(4)).succeeded(8, 2, T0.plusSeconds(5));
        assertThat(done.status()).isEqualTo(MemberImportStatus.SUCCEEDED);
        assertThat(done.processedRows()).isEqualTo(10);
        assertThat(done.importedRows()).isEqualTo(8);
        assertThat(done.skippedRows()).isEqualTo(2);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(done.failure()).isNull();
    }

    @Test
    void a_file_with_bad_rows_fails_and_imports_nothing() {
        MemberImport rejected = queued(false, 10).validating(T0).rejected(3, 1, T0.plusSeconds(1));
        assertThat(rejected.status()).isEqualTo(MemberImportStatus.FAILED);
        assertThat(rejected.failure()).isEqualTo(MemberImport.ROWS_INVALID);
        assertThat(rejected.errorCount()).isEqualTo(3);
        assertThat(rejected.importedRows()).isZero();
        assertThat(rejected.finishedAt()).isNotNull();
        assertThatThrownBy(() -> queued(false, 3).validating(T0).rejected(0, 0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_dry_run_ends_after_validation_and_never_imports() {
        MemberImport checked = queued(true, 5).validating(T0).checked(1, T0.plusSeconds(1));
        assertThat(checked.status()).isEqualTo(MemberImportStatus.SUCCEEDED);
        assertThat(checked.importedRows()).isZero();
        assertThat(checked.skippedRows()).isEqualTo(1);
        assertThatThrownBy(() -> queued(true, 5).validating(T0).importing(0, T0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queued(false, 5).validating(T0).checked(0, T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void steps_out_of_order_are_refused() {
        MemberImport job = queued(false, 5);
        assertThatThrownBy(() -> job.importing(0, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> job.succeeded(5, 0, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> job.progress(1, T0)).isInstanceOf(ConflictException.class);
        MemberImport validating = job.validating(T0);
        assertThatThrownBy(() -> validating.validating(T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> validating.succeeded(5, 0, T0)).isInstanceOf(ConflictException.class);
        MemberImport failed = validating.failed(MemberImport.UNEXPECTED, T0);
        assertThat(failed.failed(MemberImport.INTERRUPTED, T0.plusSeconds(9))).as("a finished job stays")
                .isSameAs(failed);
        assertThatThrownBy(() -> failed.progress(5, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void progress_never_goes_backwards_nor_past_the_total_seeded_loop() {
        Random random = new Random(42);
        for (int run = 0; run < 100; run++) {
            int total = random.nextInt(500);
            MemberImport job = queued(false, total).validating(T0);
            int seen = 0;
            for (int step = 0; step < 20; step++) {
                job = job.progress(random.nextInt(total + 50) - 10, T0.plusSeconds(step));
                assertThat(job.processedRows()).isBetween(seen, total);
                seen = job.processedRows();
            }
        }
    }

    @Test
    void an_unfinished_job_without_heartbeat_for_longer_than_the_timeout_is_interrupted() {
        MemberImport importing = queued(false, 5).validating(T0).importing(0, T0.plusSeconds(1));
        assertThat(importing.isStale(T0.plus(TIMEOUT), TIMEOUT)).isFalse();
        assertThat(importing.interrupted(T0.plus(TIMEOUT), TIMEOUT)).isSameAs(importing);

        Instant late = T0.plusSeconds(1).plus(TIMEOUT).plusMillis(1);
        MemberImport interrupted = importing.interrupted(late, TIMEOUT);
        assertThat(interrupted.status()).isEqualTo(MemberImportStatus.FAILED);
        assertThat(interrupted.failure()).isEqualTo(MemberImport.INTERRUPTED);
        assertThat(interrupted.importedRows()).isZero();

        MemberImport done = queued(true, 1).validating(T0).checked(0, T0);
        assertThat(done.isStale(T0.plus(Duration.ofDays(30)), TIMEOUT)).as("a finished job is never stale").isFalse();
        MemberImport waiting = queued(false, 1);
        assertThat(waiting.interrupted(T0.plus(TIMEOUT).plusSeconds(1), TIMEOUT).status())
                .as("a queued job nobody took").isEqualTo(MemberImportStatus.FAILED);
    }

    @Test
    void issues_number_lines_from_the_header_and_keep_arguments_as_text() {
        MemberImportIssue issue = MemberImportIssue.error(2, "Prénom", "givenName", "member.given-name.length",
                List.of(1, 100));
        assertThat(issue.arguments()).containsExactly("1", "100");
        assertThat(issue.skipped()).isFalse();
        assertThat(MemberImportIssue.alreadyMember(3, "Courriel").skipped()).isTrue();
        assertThatThrownBy(() -> MemberImportIssue.error(0, null, null, "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
