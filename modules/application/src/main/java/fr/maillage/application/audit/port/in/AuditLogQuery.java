package fr.maillage.application.audit.port.in;

import fr.maillage.application.audit.port.out.AuditEvent;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkSlug;

/** A network's animators (and platform admins) read its audit log. */
public interface AuditLogQuery {

    Page<AuditEvent> auditLog(Caller caller, NetworkSlug network, PageRequest page);
}
