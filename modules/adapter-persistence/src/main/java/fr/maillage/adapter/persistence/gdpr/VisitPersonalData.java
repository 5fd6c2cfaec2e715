package fr.maillage.adapter.persistence.gdpr;

import fr.maillage.application.member.port.out.MemberErasurePort;
import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.Network;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The member's visits and the lines of the usage ledger their visits made, for the export. At erasure (after the
 * check-in module closed an open visit, {@code CheckInService}), the visits checked in by the member themself (QR
 * code) no longer name their account ({@code checked_in_by} becomes {@code member}); the visits and the ledger are
 * KEPT: they hold no personal data once the member is pseudonymised, and the ledger is what operators settle between
 * themselves (accounting records, 10 years).
 */
@Component
class VisitPersonalData implements PersonalDataPort, MemberErasurePort {

    /** What stands for the member in {@code checked_in_by} once erased. */
    static final String ERASED_ACTOR = "member";

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "visits";
    }

    @Override
    public Object export(Member member) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("visits", SqlRows.query(em, """
                select v.id, v.place_id, p.name as place_name, v.membership_id, v.source, v.checked_in_at,
                       v.checked_out_at, v.closed_by, v.entries_consumed, v.entries_short, v.override_reason
                from visit v join place p on p.network_id = v.network_id and p.id = v.place_id
                where v.member_id = ? order by v.checked_in_at, v.id""", member.id().value()));
        section.put("usageEntries", SqlRows.query(em, """
                select u.id, u.visit_id, u.membership_id, u.place_id, u.seller_operator_id, u.place_operator_id,
                       u.entries, u.unit_value_cents, u.amount_cents, u.used_on, u.month, u.recorded_at
                from usage_entry u join visit v on v.network_id = u.network_id and v.id = u.visit_id
                where v.member_id = ? order by u.recorded_at, u.id""", member.id().value()));
        return section;
    }

    @Override
    public List<String> refusals(Member member) {
        return List.of();
    }

    @Override
    public Map<String, Integer> erase(Network network, Member member, Instant at, String actor) {
        if (member.subject() != null) {
            SqlRows.update(em, "update visit set checked_in_by = ? where member_id = ? and checked_in_by = ?",
                    ERASED_ACTOR, member.id().value(), member.subject());
        }
        return Map.of();
    }
}
