package fr.maillage.application.mail.port.out;

import fr.maillage.application.mail.QueuedMail;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The relay's side of the outbox, inside the tenant transaction of one network. */
public interface OutboxRelayPort {

    /**
     * The oldest PENDING mail due at {@code now}, locked until the end of the transaction; mails that another
     * transaction (another relay) holds are skipped, never waited for.
     */
    Optional<QueuedMail> claimNext(Instant now);

    void markSent(UUID id, Instant at);

    /**
     * Records a failed attempt: the attempts become {@code attempts}; the mail stays PENDING until
     * {@code nextAttemptAt}, or becomes FAILED when {@code nextAttemptAt} is {@code null}. Does nothing unless the mail
     * is still PENDING with {@code attempts - 1} attempts (another relay got there first).
     */
    void markAttemptFailed(UUID id, int attempts, @Nullable Instant nextAttemptAt, String error, Instant at);

    /** The number of mails of the network by status (PENDING, SENT, FAILED; all three present). */
    java.util.Map<String, Long> countByStatus();

    /** The last {@code limit} mails that failed an attempt (FAILED, or PENDING with attempts), newest first. */
    List<MailProblem> lastProblems(int limit);

    /** Puts every FAILED mail of the network back to PENDING, due at {@code now} with no attempts; their number. */
    int retryFailed(Instant now);

    /**
     * Deletes the network's mails that are done with (SENT, or FAILED) and were last touched before {@code cutoff}:
     * their recipients and values are personal data kept no longer than needed. PENDING mails are never deleted.
     * Returns their number.
     */
    int purgeDoneBefore(Instant cutoff);

    /** A mail that failed, as operations see it: no recipient, no values. */
    record MailProblem(UUID id, String templateCode, String status, int attempts, @Nullable String lastError,
            Instant updatedAt, Instant nextAttemptAt) {
    }
}
