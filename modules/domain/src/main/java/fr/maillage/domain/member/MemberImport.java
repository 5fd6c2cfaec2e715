package fr.maillage.domain.member;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import of a member list (a CSV file) into a network, run as a job: all or nothing. Every row is validated first;
 * if any is invalid the import fails and writes no member; otherwise every new member is written in one transaction.
 * Rows whose email is already a member's are skipped (and reported), never overwritten. A dry run validates only.
 *
 * <pre>
 * QUEUED ──▶ VALIDATING ──▶ IMPORTING ──▶ SUCCEEDED
 *    │            │  └───────(dry run)────────▲
 *    └────────────┴──────────────┴──────────▶ FAILED (invalid rows, interrupted, unexpected error)
 * </pre>
 *
 * {@code processedRows} counts the rows validated while {@code VALIDATING}, then the rows written or skipped while
 * {@code IMPORTING}; it reaches {@code totalRows} at the end of each phase. {@code heartbeatAt} is renewed while a
 * worker runs the job: an unfinished job without a heartbeat for longer than the timeout was interrupted (its
 * instance stopped): {@link #interrupted} fails it, and its one transaction left no member behind.
 */
public record MemberImport(UUID id, NetworkId network, MemberImportStatus status, boolean dryRun, int totalRows,
        int processedRows, int importedRows, int skippedRows, int errorCount, @Nullable String failure,
        String requestedBy, Instant createdAt, Instant heartbeatAt, @Nullable Instant finishedAt) {

    public static final String ROWS_INVALID = "member.import.rows-invalid";
    public static final String INTERRUPTED = "member.import.interrupted";
    public static final String UNEXPECTED = "member.import.unexpected";

    public MemberImport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedBy);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(heartbeatAt);
        if (totalRows < 0 || processedRows < 0 || processedRows > totalRows || importedRows < 0 || skippedRows < 0
                || importedRows + skippedRows > totalRows || errorCount < 0) {
            throw new IllegalArgumentException("counts out of range: " + totalRows + " " + processedRows + " "
                    + importedRows + " " + skippedRows + " " + errorCount);
        }
        if (status.isFinished() != (finishedAt != null)) {
            throw new IllegalArgumentException("finishedAt is set exactly when the import is finished");
        }
        if ((status == MemberImportStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure is given exactly when the import failed");
        }
    }

    /** A new import of {@code totalRows} rows, waiting for a worker. */
    public static MemberImport queued(UUID id, NetworkId network, boolean dryRun, int totalRows, String requestedBy,
            Instant at) {
        return new MemberImport(id, network, MemberImportStatus.QUEUED, dryRun, totalRows, 0, 0, 0, 0, null,
                requestedBy, at, at, null);
    }

    /** A worker took the job: its rows are being validated. */
    public MemberImport validating(Instant at) {
        require(MemberImportStatus.QUEUED);
        return with(MemberImportStatus.VALIDATING, 0, 0, 0, 0, null, at, null);
    }

    /** {@code processed} rows done in the current phase (never fewer than before, never more than the total). */
    public MemberImport progress(int processed, Instant at) {
        if (status != MemberImportStatus.VALIDATING && status != MemberImportStatus.IMPORTING) {
            throw new ConflictException("member.import.not-running", status.name());
        }
        int bounded = Math.min(totalRows, Math.max(processedRows, processed));
        return with(status, bounded, importedRows, skippedRows, errorCount, null, at, null);
    }

    /** Some rows are invalid: the import fails and writes nothing. */
    public MemberImport rejected(int errors, int skipped, Instant at) {
        require(MemberImportStatus.VALIDATING);
        if (errors < 1) {
            throw new IllegalArgumentException("a rejected import has errors");
        }
        return with(MemberImportStatus.FAILED, totalRows, 0, skipped, errors, ROWS_INVALID, at, at);
    }

    /** Every row is valid: a dry run ends here, successfully, having written nothing. */
    public MemberImport checked(int skipped, Instant at) {
        require(MemberImportStatus.VALIDATING);
        if (!dryRun) {
            throw new IllegalStateException("only a dry run ends after validation");
        }
        return with(MemberImportStatus.SUCCEEDED, totalRows, 0, skipped, 0, null, at, at);
    }

    /** Every row is valid: the new members are being written (one transaction). */
    public MemberImport importing(int skipped, Instant at) {
        require(MemberImportStatus.VALIDATING);
        if (dryRun) {
            throw new IllegalStateException("a dry run writes nothing");
        }
        return with(MemberImportStatus.IMPORTING, 0, 0, skipped, 0, null, at, null);
    }

    /** The members are written: {@code imported} new ones, {@code skipped} rows already members. */
    public MemberImport succeeded(int imported, int skipped, Instant at) {
        require(MemberImportStatus.IMPORTING);
        return with(MemberImportStatus.SUCCEEDED, totalRows, imported, skipped, 0, null, at, at);
    }

    /** The import failed for {@code code} (nothing written); a finished import stays as it is. */
    public MemberImport failed(String code, Instant at) {
        Objects.requireNonNull(code);
        if (status.isFinished()) {
            return this;
        }
        return with(MemberImportStatus.FAILED, processedRows, 0, skippedRows, errorCount, code, at, at);
    }

    /** Whether the job is unfinished and no worker has shown a sign of life for longer than {@code timeout}. */
    public boolean isStale(Instant now, Duration timeout) {
        return !status.isFinished() && heartbeatAt.plus(timeout).isBefore(now);
    }

    /** The job failed as {@link #INTERRUPTED} if it is stale, else unchanged. */
    public MemberImport interrupted(Instant now, Duration timeout) {
        return isStale(now, timeout) ? failed(INTERRUPTED, now) : this;
    }

    private void require(MemberImportStatus expected) {
        if (status != expected) {
            throw new ConflictException("member.import.not-running", status.name());
        }
    }

    private MemberImport with(MemberImportStatus next, int processed, int imported, int skipped, int errors,
            @Nullable String failed, Instant at, @Nullable Instant finished) {
        return new MemberImport(id, network, next, dryRun, totalRows, processed, imported, skipped, errors, failed,
                requestedBy, createdAt, at, finished);
    }
}
