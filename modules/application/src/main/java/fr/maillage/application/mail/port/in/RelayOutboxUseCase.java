package fr.maillage.application.mail.port.in;

import fr.maillage.domain.network.NetworkId;
import java.time.Instant;

/** Sends the mails of the outbox that are due, in every network. */
public interface RelayOutboxUseCase {

    /**
     * Sends the PENDING mails due at {@code now}, network by network. Safe to run in several app instances at once:
     * a mail is claimed (locked) by one relay and skipped by the others.
     */
    RelayReport relayDue(Instant now);

    /** {@link #relayDue(Instant)} for one network only. */
    RelayReport relayDue(NetworkId network, Instant now);

    /**
     * Deletes, network by network, the mails sent or given up (FAILED) before {@code cutoff}; pending mails stay.
     * Returns how many were deleted.
     */
    int purgeDoneBefore(Instant cutoff);

    /** What one run did. */
    record RelayReport(int sent, int retried, int failed, int failedNetworks) {

        public RelayReport plus(RelayReport other) {
            return new RelayReport(sent + other.sent, retried + other.retried, failed + other.failed,
                    failedNetworks + other.failedNetworks);
        }

        public boolean isEmpty() {
            return sent == 0 && retried == 0 && failed == 0 && failedNetworks == 0;
        }
    }
}
