package fr.maillage.application.audit;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.port.in.AuditLogQuery;
import fr.maillage.application.audit.port.out.AuditEvent;
import fr.maillage.application.audit.port.out.AuditLogPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.util.Map;
import fr.maillage.domain.network.NetworkSlug;
import org.jspecify.annotations.Nullable;

/** Records administrative actions (inside the action's own transaction) and lets animators read them. */
public final class AuditLog implements AuditLogQuery {

    private final AuditLogPort log;
    private final AccessPolicy access;
    private final Clock clock;

    public AuditLog(AuditLogPort log, AccessPolicy access, Clock clock) {
        this.log = log;
        this.access = access;
        this.clock = clock;
    }

    /** Records an action; call it inside the transaction of the network, so the action and its trace go together. */
    public void record(NetworkId network, Caller actor, String action, @Nullable String target,
            Map<String, String> details) {
        log.record(new AuditEvent(network, Ids.newId(clock), clock.instant(), actor.subject(), action, target,
                details));
    }

    @Override
    public Page<AuditEvent> auditLog(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_AUDIT, true,
                granted -> log.recent(granted.network().id(), page));
    }
}
