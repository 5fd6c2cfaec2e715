package fr.maillage.application.audit.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkId;

/** The audit log: append-only. Runs inside a transaction of the event's network, with the action it records. */
public interface AuditLogPort {

    void record(AuditEvent event);

    /** Newest first. */
    Page<AuditEvent> recent(NetworkId network, PageRequest page);
}
