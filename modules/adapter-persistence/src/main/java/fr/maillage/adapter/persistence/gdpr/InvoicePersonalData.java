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
 * The member's invoices and credit notes, for the export: number, kind, dates, the seller operator, the buyer as
 * printed (name, company, address copied at issue), the lines' descriptions, the totals and how far each is settled
 * (paid, credited, due); not the PDF, which the member downloads ({@code GET …/me/invoices/{id}/pdf}).
 *
 * <p>At erasure invoices are KEPT AS ISSUED, the buyer's name and address included: they are accounting documents
 * kept 10 years (Code de commerce L123-22; CGI art. 242 nonies A, annex II; LPF L102 B) and PostgreSQL refuses any
 * {@code UPDATE} or {@code DELETE} of them. This module only counts them for the audit ({@code invoicesKept}); it
 * never writes to an invoice table.
 */
@Component
class InvoicePersonalData implements PersonalDataPort, MemberErasurePort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "invoices";
    }

    @Override
    public Object export(Member member) {
        return SqlRows.query(em, """
                select i.id, i.kind, i.number, i.issue_date, i.issued_at, i.service_from, i.service_until, i.due_date,
                       i.operator_id, i.seller_legal_name as operator_name, i.seller_siren as operator_siren,
                       i.buyer_name, i.buyer_company, i.buyer_line1, i.buyer_line2, i.buyer_postal_code, i.buyer_town,
                       i.membership_id, i.credits_number, i.reason,
                       array(select l.description from invoice_line l
                             where l.network_id = i.network_id and l.invoice_id = i.id order by l.position) as lines,
                       i.net_cents, i.vat_cents, i.gross_cents, s.paid_cents, s.credited_cents,
                       case when i.kind = 'CREDIT_NOTE' then 0
                            else greatest(0, i.gross_cents - s.paid_cents - s.credited_cents) end as due_cents,
                       i.kind = 'CREDIT_NOTE' or i.gross_cents - s.paid_cents - s.credited_cents <= 0 as settled
                from invoice i
                cross join lateral (select
                       (select coalesce(sum(p.amount_cents), 0) from invoice_payment p
                         where p.network_id = i.network_id and p.invoice_id = i.id) as paid_cents,
                       (select coalesce(sum(c.gross_cents), 0) from invoice c
                         where c.network_id = i.network_id and c.credits_invoice_id = i.id) as credited_cents) s
                where i.member_id = ? order by i.issued_at, i.chain_position, i.id""", member.id().value());
    }

    @Override
    public List<String> refusals(Member member) {
        return List.of();
    }

    /** Counts the member's documents for the audit; they stay as issued (nothing is written). */
    @Override
    public Map<String, Integer> erase(Network network, Member member, Instant at, String actor) {
        long kept = SqlRows.query(em, "select count(*) as kept from invoice where member_id = ?", member.id().value())
                .getFirst().get("kept") instanceof Number n ? n.longValue() : 0;
        return kept == 0 ? Map.of() : Map.of("invoicesKept", (int) kept);
    }
}
