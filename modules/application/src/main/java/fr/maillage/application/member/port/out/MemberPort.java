package fr.maillage.application.member.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The members of the current network (tenant transaction). */
public interface MemberPort {

    Optional<Member> find(MemberId id);

    /** The member linked to this identity in the current network. */
    Optional<Member> findBySubject(String subject);

    /** The member with this (lower-cased) email in the current network. */
    Optional<Member> findByEmail(String email);

    /** Members, by family then given name; {@code search} matches names, email or company (case-insensitive). */
    Page<Member> list(@Nullable String search, PageRequest page);

    /** Inserts; {@link fr.maillage.domain.shared.ConflictException} "member.email.taken" if the email is used. */
    Member insert(Member member);

    /** Updates if {@code member.version()} is current, else {@link fr.maillage.application.shared.StaleVersionException}. */
    Member update(Member member);

    /** Those of these (lower-cased) emails that are members' in the current network. */
    Set<String> existingEmails(Collection<String> emails);

    /**
     * Inserts new members in bulk, in the current transaction; a member whose email another one took meanwhile is
     * left out (never an error). Returns the ids of those inserted.
     */
    Set<MemberId> insertNew(List<Member> members);
}
