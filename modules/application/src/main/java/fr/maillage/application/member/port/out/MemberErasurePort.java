package fr.maillage.application.member.port.out;

import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.Network;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a module does when a member is erased (GDPR, right to erasure), so that the member module depends on none of
 * them: the module may refuse the erasure for now (an unpaid sale), must end what cannot go on without the person (a
 * future booking, an open visit), and clears the personal data it keeps of its own (not what the law requires to
 * keep: payments and what invoices are made of stay, see docs/security.md). One bean per module.
 *
 * <p>Runs inside the erasure's (tenant) transaction, before the member is pseudonymised: the member given is still
 * whole (names, email, subject).
 */
public interface MemberErasurePort {

    /** Why the member cannot be erased now: message codes (each a 409 {@code ConflictException}), or none. */
    List<String> refusals(Member member);

    /**
     * Ends and clears what the module keeps of the member of {@code network}, at {@code at}, by {@code actor} (a
     * subject); returns what it did as counts for the audit log (e.g. {@code bookingsCancelled: 2}), without personal
     * data.
     */
    Map<String, Integer> erase(Network network, Member member, Instant at, String actor);
}
