package fr.maillage.adapter.persistence.gdpr;

import fr.maillage.application.member.port.out.MemberErasurePort;
import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.Network;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mails of the outbox addressed to the member (their template, language, status and dates; the values they
 * carry are the member's receipts, which the memberships section already holds). At erasure they are deleted,
 * sent or not: a mail not sent yet is not sent to an erased member, and the outbox keeps no address of theirs.
 */
@Component
class MailPersonalData implements PersonalDataPort, MemberErasurePort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "mails";
    }

    @Override
    public Object export(Member member) {
        return SqlRows.query(em, """
                select id, template_code, language, status, attempts, created_at, sent_at
                from outbox_mail where lower(recipient_email) = lower(?) order by created_at, id""", member.email());
    }

    @Override
    public List<String> refusals(Member member) {
        return List.of();
    }

    @Override
    public Map<String, Integer> erase(Network network, Member member, Instant at, String actor) {
        int deleted = SqlRows.update(em, "delete from outbox_mail where lower(recipient_email) = lower(?)",
                member.email());
        return deleted == 0 ? Map.of() : Map.of("mailsDeleted", deleted);
    }
}
