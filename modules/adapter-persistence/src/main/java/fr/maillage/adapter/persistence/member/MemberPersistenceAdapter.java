package fr.maillage.adapter.persistence.member;

import static fr.maillage.adapter.persistence.shared.JdbcValues.instantOrNull;

import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.member.Consents;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.member.MemberSource;
import fr.maillage.domain.member.MemberStatus;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.PostalAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import fr.maillage.adapter.persistence.tenant.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Members, in the current network's tenant transaction. */
@Component
class MemberPersistenceAdapter implements MemberPort {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;
    private final JdbcTemplate jdbc;

    MemberPersistenceAdapter(Clock clock, JdbcTemplate jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return read("id = ?", id.value());
    }

    @Override
    public Optional<Member> findBySubject(String subject) {
        return read("subject = ?", subject);
    }

    /**
     * One member, by plain JDBC: these reads are on the path of every check-in, where Hibernate would translate the
     * query (or build a loader) again for each call while its tenant filter is on. Pending changes are flushed first
     * so that the read sees them.
     */
    private Optional<Member> read(String condition, Object value) {
        em.flush();
        return jdbc.query("""
                select network_id, id, subject, email, given_name, family_name, phone, company, address_line1,
                       address_line2, postal_code, town, terms_accepted_at, newsletter, language, status, source, created_at,
                       updated_at, erased_at, version
                from member where network_id = ? and\s""" + condition, (rs, row) -> {
            MemberEntity e = new MemberEntity();
            e.networkId = rs.getObject("network_id", UUID.class);
            e.id = rs.getObject("id", UUID.class);
            e.subject = rs.getString("subject");
            e.email = rs.getString("email");
            e.givenName = rs.getString("given_name");
            e.familyName = rs.getString("family_name");
            e.phone = rs.getString("phone");
            e.company = rs.getString("company");
            e.addressLine1 = rs.getString("address_line1");
            e.addressLine2 = rs.getString("address_line2");
            e.postalCode = rs.getString("postal_code");
            e.town = rs.getString("town");
            e.termsAcceptedAt = instantOrNull(rs, "terms_accepted_at");
            e.newsletter = rs.getBoolean("newsletter");
            e.language = rs.getString("language");
            e.status = rs.getString("status");
            e.source = rs.getString("source");
            e.createdAt = instantOrNull(rs, "created_at");
            e.updatedAt = instantOrNull(rs, "updated_at");
            e.erasedAt = instantOrNull(rs, "erased_at");
            e.version = rs.getLong("version");
            return member(e);
        }, TenantScope.current(), value).stream().findFirst();
    }

    @Override
    public Optional<Member> findByEmail(String email) {
        return em.createQuery("select m from MemberEntity m where m.email = :e", MemberEntity.class)
                .setParameter("e", email.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                .map(MemberPersistenceAdapter::member);
    }

    @Override
    public Page<Member> list(@Nullable String search, PageRequest page) {
        String where = search == null || search.isBlank() ? ""
                : " where lower(m.familyName) like :q or lower(m.givenName) like :q or m.email like :q"
                        + " or lower(m.company) like :q";
        TypedQuery<MemberEntity> items = em.createQuery("select m from MemberEntity m" + where
                + " order by lower(m.familyName), lower(m.givenName), m.id", MemberEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(m) from MemberEntity m" + where, Long.class);
        if (!where.isEmpty()) {
            String q = "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            items.setParameter("q", q);
            count.setParameter("q", q);
        }
        List<Member> found = items.setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultStream().map(MemberPersistenceAdapter::member).toList();
        return new Page<>(found, page.page(), page.size(), count.getSingleResult());
    }

    @Override
    public Member insert(Member member) {
        MemberEntity e = new MemberEntity();
        e.networkId = member.network().value();
        e.id = member.id().value();
        e.createdAt = member.createdAt();
        apply(e, member);
        try {
            em.persist(e);
            em.flush();
        } catch (ConstraintViolationException ex) {
            throw translate(ex);
        }
        return member(e);
    }

    @Override
    public Member update(Member member) {
        MemberEntity e = em.find(MemberEntity.class, member.id().value());
        if (e == null || e.version != member.version()) {
            throw new StaleVersionException(false);
        }
        apply(e, member);
        try {
            em.flush();
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException(false);
        } catch (ConstraintViolationException ex) {
            throw translate(ex);
        }
        return member(e);
    }

    /** Emails per statement when looking for those taken (one bind parameter each). */
    private static final int EMAILS_PER_QUERY = 1_000;
    /** Members per INSERT statement (17 bind parameters each, well under PostgreSQL's 65,535). */
    private static final int MEMBERS_PER_INSERT = 500;
    private static final String INSERT_COLUMNS = "insert into member (network_id, id, subject, email, given_name, "
            + "family_name, phone, company, address_line1, address_line2, postal_code, town, terms_accepted_at, "
            + "newsletter, status, source, created_at, updated_at, version) values ";
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    @Override
    public Set<String> existingEmails(Collection<String> emails) {
        List<String> all = emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += EMAILS_PER_QUERY) {
            found.addAll(em.createQuery("select m.email from MemberEntity m where m.email in :emails", String.class)
                    .setParameter("emails", all.subList(from, Math.min(all.size(), from + EMAILS_PER_QUERY)))
                    .getResultList());
        }
        return found;
    }

    /**
     * One multi-row INSERT per 500 members, {@code on conflict do nothing} on the email (a member who joined
     * meanwhile keeps their file), {@code returning id} to know who was inserted. Row-level security checks that
     * every row is the current network's.
     */
    @Override
    public Set<MemberId> insertNew(List<Member> members) {
        em.flush();
        Set<MemberId> inserted = new HashSet<>();
        Instant now = clock.instant();
        for (int from = 0; from < members.size(); from += MEMBERS_PER_INSERT) {
            List<Member> chunk = members.subList(from, Math.min(members.size(), from + MEMBERS_PER_INSERT));
            String sql = INSERT_COLUMNS + String.join(", ", Collections.nCopies(chunk.size(), INSERT_ROW))
                    + " on conflict (network_id, email) do nothing returning id";
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int p = 1;
                    for (Member m : chunk) {
                        p = bind(insert, p, m, now);
                    }
                    try (ResultSet ids = insert.executeQuery()) {
                        while (ids.next()) {
                            inserted.add(new MemberId(ids.getObject(1, UUID.class)));
                        }
                    }
                }
            });
        }
        return inserted;
    }

    private static int bind(PreparedStatement s, int first, Member m, Instant now) throws SQLException {
        PostalAddress a = m.address();
        int p = first;
        s.setObject(p++, m.network().value());
        s.setObject(p++, m.id().value());
        s.setString(p++, m.subject());
        s.setString(p++, m.email());
        s.setString(p++, m.givenName());
        s.setString(p++, m.familyName());
        s.setString(p++, m.phone());
        s.setString(p++, m.company());
        s.setString(p++, a == null ? null : a.line1());
        s.setString(p++, a == null ? null : a.line2());
        s.setString(p++, a == null ? null : a.postalCode());
        s.setString(p++, a == null ? null : a.town());
        Instant terms = m.consents().termsAcceptedAt();
        if (terms == null) {
            s.setNull(p++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(p++, terms.atOffset(ZoneOffset.UTC));
        }
        s.setBoolean(p++, m.consents().newsletter());
        s.setString(p++, m.status().name());
        s.setString(p++, m.source().name());
        s.setObject(p++, m.createdAt().atOffset(ZoneOffset.UTC));
        s.setObject(p++, now.atOffset(ZoneOffset.UTC));
        return p;
    }

    private void apply(MemberEntity e, Member m) {
        e.subject = m.subject();
        e.email = m.email();
        e.givenName = m.givenName();
        e.familyName = m.familyName();
        e.phone = m.phone();
        e.company = m.company();
        PostalAddress a = m.address();
        e.addressLine1 = a == null ? null : a.line1();
        e.addressLine2 = a == null ? null : a.line2();
        e.postalCode = a == null ? null : a.postalCode();
        e.town = a == null ? null : a.town();
        e.termsAcceptedAt = m.consents().termsAcceptedAt();
        e.newsletter = m.consents().newsletter();
        e.language = m.language();
        e.status = m.status().name();
        e.source = m.source().name();
        e.erasedAt = m.erasedAt();
        e.updatedAt = clock.instant();
    }

    private static RuntimeException translate(ConstraintViolationException ex) {
        return switch (String.valueOf(ex.getConstraintName())) {
            case "member_email_key" -> new ConflictException("member.email.taken");
            case "member_subject_key" -> new ConflictException("member.subject.taken");
            default -> ex;
        };
    }

    static Member member(MemberEntity e) {
        PostalAddress address = e.addressLine1 == null || e.postalCode == null || e.town == null ? null
                : new PostalAddress(e.addressLine1, e.addressLine2, e.postalCode, e.town);
        return new Member(new MemberId(e.id), new NetworkId(e.networkId), e.subject, e.email, e.givenName,
                e.familyName, e.phone, e.company, address, new Consents(e.termsAcceptedAt, e.newsletter),
                e.language == null ? "fr" : e.language, MemberStatus.valueOf(e.status), MemberSource.valueOf(e.source), e.createdAt, e.erasedAt,
                e.version);
    }
}
