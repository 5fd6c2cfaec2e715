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
 * The member's bookings, and when their calendar feed was issued, for the export. At erasure, the bookings still to
 * come are cancelled (by the eraser, reason {@value #REASON}), the notes of the member's bookings are removed (free
 * text, possibly personal), and the bookings the member made or cancelled themself no longer name their account
 * ({@code member}); past bookings are kept (attendance). The calendar feed of an erased member already answers 404.
 */
@Component
class BookingPersonalData implements PersonalDataPort, MemberErasurePort {

    /** The reason recorded on the bookings an erasure cancels. */
    static final String REASON = "Membre effacé (RGPD)";

    @PersistenceContext
    private EntityManager em;

    @Override
    public String section() {
        return "bookings";
    }

    @Override
    public Object export(Member member) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("bookings", SqlRows.query(em, """
                select b.id, b.resource_id, r.name as resource_name, b.place_id, p.name as place_name, b.starts_at,
                       b.ends_at, b.status, b.note, b.created_at, b.cancelled_at, b.cancel_reason
                from booking b
                join resource r on r.network_id = b.network_id and r.id = b.resource_id
                join place p on p.network_id = b.network_id and p.id = b.place_id
                where b.member_id = ? order by b.starts_at, b.id""", member.id().value()));
        section.put("calendarFeed", SqlRows.query(em, "select issued_at from booking_feed where member_id = ?",
                member.id().value()));
        return section;
    }

    @Override
    public List<String> refusals(Member member) {
        return List.of();
    }

    @Override
    public Map<String, Integer> erase(Network network, Member member, Instant at, String actor) {
        Object now = at.atOffset(ZoneOffset.UTC);
        int cancelled = SqlRows.update(em, """
                update booking set status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, cancel_reason = ?,
                    updated_at = ?, version = version + 1
                where member_id = ? and status = 'CONFIRMED' and starts_at > ?""", now, actor, REASON, now,
                member.id().value(), now);
        SqlRows.update(em, "update booking set note = null, updated_at = ?, version = version + 1 "
                + "where member_id = ? and note is not null", now, member.id().value());
        if (member.subject() != null) {
            SqlRows.update(em, "update booking set booked_by = ? where member_id = ? and booked_by = ?",
                    VisitPersonalData.ERASED_ACTOR, member.id().value(), member.subject());
            SqlRows.update(em, "update booking set cancelled_by = ? where member_id = ? and cancelled_by = ?",
                    VisitPersonalData.ERASED_ACTOR, member.id().value(), member.subject());
        }
        return cancelled == 0 ? Map.of() : Map.of("bookingsCancelled", cancelled);
    }
}
