package fr.maillage.adapter.persistence.member;

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
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Members, in the current network's tenant transaction. */
@Component
class MemberPersistenceAdapter implements MemberPort {

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    MemberPersistenceAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return Optional.ofNullable(em.find(MemberEntity.class, id.value())).map(MemberPersistenceAdapter::member);
    }

    @Override
    public Optional<Member> findBySubject(String subject) {
        return em.createQuery("select m from MemberEntity m where m.subject = :s", MemberEntity.class)
                .setParameter("s", subject).getResultStream().findFirst().map(MemberPersistenceAdapter::member);
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
                MemberStatus.valueOf(e.status), MemberSource.valueOf(e.source), e.createdAt, e.erasedAt,
                e.version);
    }
}
