package fr.maillage.application.membership.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.operator.OperatorId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Memberships of the current network (tenant transaction), with the places chosen at the sale. The number of entries
 * left on a card is never written here once the card is sold: check-ins consume entries with their own conditional
 * update.
 */
public interface MembershipPort {

    Optional<Membership> find(MembershipId id);

    /**
     * The membership, its row locked until the end of the transaction ({@code SELECT ... FOR UPDATE}): two payments or
     * a payment and a cancellation on one membership run one after the other.
     */
    Optional<Membership> findForUpdate(MembershipId id);

    /**
     * A member's memberships, the most recent sale first; only those sold by {@code sellers} when given ({@code null}:
     * all).
     */
    Page<Membership> ofMember(MemberId member, @Nullable Set<OperatorId> sellers, PageRequest page);

    /**
     * At most {@code limit} active memberships whose validity ended before {@code today}, locked, skipping those that
     * another transaction holds (they are taken at the next run).
     */
    List<Membership> dueToExpire(LocalDate today, int limit);

    /** Whether a membership already has its renewal (the next period of a subscription). */
    boolean hasRenewal(MembershipId id);

    Membership insert(Membership membership);

    /** @throws fr.maillage.application.shared.StaleVersionException when the version moved */
    Membership update(Membership membership);

    /** Marks the offer as sold; an offer already marked stays as it is (concurrent first sales never conflict). */
    void markOfferSold(UUID offer);
}
