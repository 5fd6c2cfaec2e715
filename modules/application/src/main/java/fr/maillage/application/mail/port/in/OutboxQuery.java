package fr.maillage.application.mail.port.in;

import fr.maillage.application.mail.port.out.OutboxRelayPort.MailProblem;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import java.util.List;
import java.util.Map;

/** The state of a network's outbox, for its animators and the platform admins (no recipient, no values). */
public interface OutboxQuery {

    /** Problems shown at most. */
    int PROBLEMS = 20;

    OutboxState outbox(Caller caller, NetworkSlug network);

    /** Mails by status (PENDING, SENT, FAILED), and the last mails that failed an attempt, newest first. */
    record OutboxState(Map<String, Long> counts, List<MailProblem> problems) {
    }
}
