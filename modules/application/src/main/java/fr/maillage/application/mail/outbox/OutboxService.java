package fr.maillage.application.mail.outbox;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.mail.port.in.ManageOutboxUseCase;
import fr.maillage.application.mail.port.in.OutboxQuery;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.domain.network.NetworkSlug;
import java.time.Clock;
import java.util.Map;

/**
 * The outbox of a network for its animators and the platform admins (managers and members: 403): counts by status,
 * the last failures (template, attempts, error cleaned of addresses; never a recipient or a value), and retrying the
 * FAILED mails.
 */
public class OutboxService implements OutboxQuery, ManageOutboxUseCase {

    private final AccessPolicy access;
    private final OutboxRelayPort outbox;
    private final AuditLog audit;
    private final Clock clock;

    public OutboxService(AccessPolicy access, OutboxRelayPort outbox, AuditLog audit, Clock clock) {
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public OutboxState outbox(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.READ_REPORTS, true, granted -> {
            requireAdministrator(granted);
            return new OutboxState(outbox.countByStatus(), outbox.lastProblems(PROBLEMS));
        });
    }

    @Override
    public int retryFailed(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.READ_REPORTS, false, granted -> {
            requireAdministrator(granted);
            int retried = outbox.retryFailed(clock.instant());
            audit.record(granted.network().id(), caller, "outbox.failed-retried", null,
                    Map.of("mails", Integer.toString(retried)));
            return retried;
        });
    }

    private static void requireAdministrator(NetworkAccess granted) {
        if (!granted.administersNetwork()) {
            throw new ForbiddenException("access.denied");
        }
    }
}
