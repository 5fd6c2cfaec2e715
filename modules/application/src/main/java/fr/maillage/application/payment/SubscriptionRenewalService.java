package fr.maillage.application.payment;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.port.in.MembershipRenewalUseCase;
import fr.maillage.application.membership.port.in.OnlineMembershipsUseCase;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.SubscriptionLink;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.SubscriptionStatus;
import fr.maillage.application.payment.port.out.PaymentProviderPort;
import fr.maillage.application.payment.port.out.PaymentProviderPort.SubscriptionState;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.MembershipKind;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Switching a subscription's automatic renewal off or on. A subscription sold at the desk changes in one transaction.
 * One bought online (a provider subscription started by its Checkout session) is changed at the provider first
 * ({@code cancel_at_period_end}), as every provider call here: its idempotency key is stored and committed (tx 1), the
 * provider is called outside any transaction (retried with that key by the adapter), then what it answered is stored
 * with the membership's change (tx 2). If the provider cannot be reached, nothing changes here; if this instance stops
 * between the call and tx 2, the provider's {@code customer.subscription.updated} event makes the same change.
 */
public final class SubscriptionRenewalService implements MembershipRenewalUseCase {

    static final String STOPPED_BY_MEMBER = "Arrêté par le membre";
    static final String STOPPED_BY_SELLER = "Arrêté par le vendeur";

    private final AccessPolicy access;
    private final PaymentProviderPort provider;
    private final OnlinePaymentStorePort store;
    private final OnlineMembershipsUseCase onlineMemberships;
    private final MembershipPort memberships;
    private final MemberPort members;
    private final OperatorPort operators;
    private final UnitOfWorkPort unitOfWork;
    private final Clock clock;

    public SubscriptionRenewalService(AccessPolicy access, PaymentProviderPort provider, OnlinePaymentStorePort store,
            OnlineMembershipsUseCase onlineMemberships, MembershipPort memberships, MemberPort members,
            OperatorPort operators, UnitOfWorkPort unitOfWork, Clock clock) {
        this.access = access;
        this.provider = provider;
        this.store = store;
        this.onlineMemberships = onlineMemberships;
        this.memberships = memberships;
        this.members = members;
        this.operators = operators;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** What tx 1 decided: done here already ({@code done}), or a provider call to make. */
    private record Plan(Network network, @Nullable Membership done, MembershipId period, boolean autoRenew,
            String reason, @Nullable SubscriptionLink link, @Nullable String key) {
    }

    @Override
    public Membership setAutoRenew(Caller caller, NetworkSlug slug, String membershipId, @Nullable Boolean wanted) {
        Plan plan = access.inNetwork(caller, slug, Permission.READ_NETWORK, false, granted -> {
            Network n = granted.writableNetwork();
            Membership named = id(membershipId).flatMap(memberships::find)
                    .orElseThrow(() -> new NotFoundException("membership.not-found"));
            String reason = reasonFor(granted, caller, named);
            if (wanted == null) {
                throw new InvalidInputException(List.of(new FieldViolation("autoRenew", "field.required", List.of())));
            }
            Membership period = latestPeriod(named);
            MembershipId first = firstPeriod(period);
            Optional<SubscriptionLink> link = store.subscriptionOf(first);
            Instant now = clock.instant();
            if (link.isEmpty() && period.kind() == MembershipKind.SUBSCRIPTION && !period.status().isFinal()
                    && period.soldOnline()) {
                // Bought online, not paid yet: Stripe's subscription does not exist yet, it would renew regardless.
                throw new ConflictException("membership.renewal.payment-pending");
            }
            if (link.isEmpty()) {
                Membership changed = onlineMemberships.changeRenewal(n, period.id(), wanted, reason, now, caller)
                        .orElseThrow();
                return new Plan(n, changed, period.id(), wanted, reason, null, null);
            }
            if (!provider.configured()) {
                throw new ConflictException("payment.online.not-configured");
            }
            Optional<SubscriptionStatus> status = store.subscription(link.get().subscription());
            if (wanted && status.map(SubscriptionStatus::ended).orElse(false)) {
                throw new ConflictException("membership.renewal.provider-ended");
            }
            // The domain's rules first (a card, an ended period), without changing anything; nothing to do: no call.
            boolean changes = (wanted ? period.resumeRenewal(now, caller.subject())
                    : period.stopRenewal(reason, now, caller.subject())).changed();
            if (!changes) {
                return new Plan(n, period, period.id(), wanted, reason, null, null);
            }
            String key = store.requestKey("subscription-renewal", period.id() + ":" + period.version() + ":"
                    + (wanted ? "resume" : "stop"));
            return new Plan(n, null, period.id(), wanted, reason, link.get(), key);
        });
        if (plan.done() != null) {
            return plan.done();
        }
        SubscriptionLink link = java.util.Objects.requireNonNull(plan.link());
        String key = java.util.Objects.requireNonNull(plan.key());
        SubscriptionState answered = provider.updateSubscription(link.accountId(), link.subscription(),
                !plan.autoRenew(), key);
        return unitOfWork.inTenant(plan.network().id(), () -> {
            Instant now = clock.instant();
            store.requestDone(key, answered.id());
            store.updateSubscription(link.subscription(), answered.cancelAtPeriodEnd(), answered.ended(), now);
            boolean renews = !answered.cancelAtPeriodEnd() && !answered.ended();
            Membership period = latestPeriod(memberships.find(plan.period()).orElseThrow());
            return onlineMemberships.changeRenewal(plan.network(), period.id(), renews, plan.reason(), now, caller)
                    .orElseThrow();
        });
    }

    /**
     * Why the caller may change it, as the history will say: a seller (animators; managers for the operators they
     * run), or the member it belongs to; anyone else: not found.
     */
    private String reasonFor(NetworkAccess granted, Caller caller, Membership m) {
        if (granted.can(Permission.SELL) && OperatorScope.runs(operators, granted, caller, m.seller())) {
            return STOPPED_BY_SELLER;
        }
        if (granted.can(Permission.SELF_SERVICE) && members.findBySubject(caller.subject()).map(Member::id)
                .filter(m.member()::equals).isPresent()) {
            return STOPPED_BY_MEMBER;
        }
        throw new NotFoundException("membership.not-found");
    }

    /** The last period of the membership's renewal chain (itself if it has no renewal). */
    Membership latestPeriod(Membership m) {
        MembershipId latest = store.latestPeriod(m.id());
        return latest.equals(m.id()) ? m : memberships.find(latest).orElseThrow();
    }

    /** The first period of the membership's renewal chain. */
    private MembershipId firstPeriod(Membership m) {
        Membership period = m;
        while (period.renewalOf() != null) {
            period = memberships.find(period.renewalOf()).orElseThrow();
        }
        return period.id();
    }

    private static Optional<MembershipId> id(String raw) {
        try {
            return Optional.of(new MembershipId(UUID.fromString(raw.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
