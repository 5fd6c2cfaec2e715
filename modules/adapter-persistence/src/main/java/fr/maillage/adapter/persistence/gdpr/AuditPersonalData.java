package fr.maillage.adapter.persistence.gdpr;

import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.domain.member.Member;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/**
 * The audit events about the member (their member id, or their person's subject, as target) and those of their own
 * actions (their subject as actor), oldest first.
 */
@Component
class AuditPersonalData implements PersonalDataPort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "auditEvents";
    }

    @Override
    public Object export(Member member) {
        String subject = member.subject() == null ? member.id().toString() : member.subject();
        return SqlRows.query(em, """
                select id, occurred_at, actor, action, target, details from audit_event
                where target = ? or target = ? or actor = ?
                order by occurred_at, id""", member.id().toString(), subject, subject);
    }
}
