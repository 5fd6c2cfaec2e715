package fr.maillage.adapter.persistence.gdpr;

import fr.maillage.application.member.port.out.MemberErasurePort;
import fr.maillage.application.member.port.out.PersonalDataPort;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.Network;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The member's memberships (what was sold, for how much, when, its places), their payments and their history, for
 * the export. At erasure, memberships
 * are KEPT (they are what invoices and the accounts are made of, 10 years: Code de commerce L123-22, Livre des
 * procédures fiscales L102 B) and hold no personal data of their own (the member is a pseudonymised id); the
 * erasure is refused while a sale awaits payment ({@code member.erase.payment-pending}), and automatic renewals are
 * switched off (a subscription of an erased member must not renew).
 */
@Component
class MembershipPersonalData implements PersonalDataPort, MemberErasurePort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "memberships";
    }

    @Override
    public Object export(Member member) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("memberships", SqlRows.query(em, """
                select m.id, m.offer_id, m.operator_id, o.legal_name as operator_name, m.kind, m.status,
                       m.offer_name, m.price_cents, m.vat_rate_bp, m.scope_type, m.billing, m.entries_total,
                       m.entries_remaining, m.entry_minutes, m.validity, m.valid_from, m.valid_until,
                       m.amount_paid_cents, m.renewal_of, m.auto_renew, m.sold_at, m.activated_at, m.ended_at,
                       m.cancel_reason,
                       array(select p.place_id from membership_place p
                             where p.network_id = m.network_id and p.membership_id = m.id order by p.place_id) as places
                from membership m join operator o on o.network_id = m.network_id and o.id = m.operator_id
                where m.member_id = ? order by m.sold_at, m.id""", member.id().value()));
        section.put("payments", SqlRows.query(em, """
                select p.id, p.membership_id, p.method, p.amount_cents, p.reference, p.received_on, p.recorded_at
                from payment p join membership m on m.network_id = p.network_id and m.id = p.membership_id
                where m.member_id = ? order by p.recorded_at, p.id""", member.id().value()));
        section.put("history", SqlRows.query(em, """
                select e.membership_id, e.position, e.type, e.occurred_at, e.recorded_at, e.details
                from membership_event e join membership m on m.network_id = e.network_id and m.id = e.membership_id
                where m.member_id = ? order by e.recorded_at, e.membership_id, e.position""", member.id().value()));
        return section;
    }

    @Override
    public List<String> refusals(Member member) {
        boolean pending = !SqlRows.query(em, "select 1 from membership where member_id = ? and status = ? limit 1",
                member.id().value(), "PENDING_PAYMENT").isEmpty();
        // A subscription bought online is charged by the payment provider each period: switching auto_renew off
        // here would not tell the provider, and the member would go on paying. Its renewal is stopped first
        // (PUT .../auto-renew, which tells the provider).
        boolean renewingOnline = !SqlRows.query(em, "select 1 from membership where member_id = ? and sold_online"
                + " and auto_renew and status = ? limit 1", member.id().value(), "ACTIVE").isEmpty();
        java.util.List<String> refusals = new java.util.ArrayList<>();
        if (pending) {
            refusals.add("member.erase.payment-pending");
        }
        if (renewingOnline) {
            refusals.add("member.erase.online-subscription-renewing");
        }
        return refusals;
    }

    @Override
    public Map<String, Integer> erase(Network network, Member member, Instant at, String actor) {
        int stopped = SqlRows.update(em, """
                update membership set auto_renew = false, updated_at = ?, version = version + 1
                where member_id = ? and auto_renew""", at.atOffset(ZoneOffset.UTC), member.id().value());
        return stopped == 0 ? Map.of() : Map.of("renewalsStopped", stopped);
    }
}
