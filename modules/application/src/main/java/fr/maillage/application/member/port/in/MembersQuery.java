package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.NetworkSlug;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The network's members, for its animators and managers; another network's member is not found (404). */
public interface MembersQuery {

    /** By family then given name; {@code search} matches names, email or company (case-insensitive, a substring). */
    Page<Member> members(Caller caller, NetworkSlug network, @Nullable String search, PageRequest page);

    Member member(Caller caller, NetworkSlug network, UUID member);
}
