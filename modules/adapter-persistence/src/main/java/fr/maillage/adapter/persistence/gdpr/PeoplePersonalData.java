package fr.maillage.adapter.persistence.gdpr;

import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.domain.member.Member;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Component;

/** The person's roles in the network (people and access): what they are, since when, given by whom. */
@Component
class PeoplePersonalData implements PersonalDataPort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "roles";
    }

    @Override
    public Object export(Member member) {
        if (member.subject() == null) {
            return List.of();
        }
        return SqlRows.query(em, """
                select role, email, granted_at from network_role
                where subject = ? order by granted_at, role""", member.subject());
    }
}
