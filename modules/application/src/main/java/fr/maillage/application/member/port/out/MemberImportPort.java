package fr.maillage.application.member.port.out;

import fr.maillage.domain.member.MemberImport;
import fr.maillage.domain.member.MemberImportIssue;
import fr.maillage.domain.member.MemberImportStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The import jobs of the current network (tenant transaction) and what they say of the rows of their file. Each
 * change of a job is its own short transaction, so that every instance sees the progress at once.
 */
public interface MemberImportPort {

    /** A job as stored, with what was found of its file (never the file itself). */
    record StoredImport(MemberImport job, String encoding, char separator, List<String> ignoredColumns) {

        public StoredImport {
            ignoredColumns = List.copyOf(ignoredColumns);
        }
    }

    void insert(StoredImport stored);

    Optional<StoredImport> find(UUID id);

    /**
     * Writes the job's state and counts if its stored status is still {@code expected} (a conditional update: a job a
     * sweep failed meanwhile is not brought back); {@code false} if it was not.
     */
    boolean update(MemberImport job, MemberImportStatus expected);

    /** Appends issues of the job's rows, after those it has. */
    void addIssues(UUID importId, List<MemberImportIssue> issues);

    /** The job's issues in the order they were added, at most {@code limit}. */
    List<MemberImportIssue> issues(UUID importId, int limit);

    /**
     * Fails, as {@code failure}, the unfinished jobs of the current network whose heartbeat is older than
     * {@code cutoff}; returns how many.
     */
    int failStale(Instant cutoff, Instant now, String failure);
}
