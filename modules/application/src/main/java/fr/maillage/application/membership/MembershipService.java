package fr.maillage.application.membership;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.port.in.CancelMembershipCommand;
import fr.maillage.application.membership.port.in.ManageMembershipsUseCase;
import fr.maillage.application.membership.port.in.MembershipLifecycleUseCase;
import fr.maillage.application.membership.port.in.MembershipsQuery;
import fr.maillage.application.membership.port.in.OnlineMembershipsUseCase;
import fr.maillage.application.membership.port.in.RefundCommand;
import fr.maillage.application.membership.port.in.RecordPaymentCommand;
import fr.maillage.application.membership.port.in.SellMembershipCommand;
import fr.maillage.application.membership.port.out.MembershipEventPort;
import fr.maillage.application.membership.port.out.MembershipEventPort.StoredEvent;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.membership.port.out.PaymentPort;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.MembershipKind;
import fr.maillage.domain.membership.MembershipStatus;
import fr.maillage.domain.membership.OfferSnapshot;
import fr.maillage.domain.membership.Payment;
import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.membership.Transition;
import fr.maillage.domain.membership.Validity;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkArchivedException;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Memberships: sales and offline payments ({@link Permission#SELL}: animators, managers for the offers of the
 * operators they run), reading (sellers, and members for their own with {@link Permission#SELF_SERVICE}), and the
 * scheduled expiry and renewal. Every transition stores the membership, its history and what listeners write in one
 * transaction; payments and cancellations lock the membership's row, so that concurrent ones apply one after the
 * other.
 */
public final class MembershipService implements ManageMembershipsUseCase, MembershipsQuery, MembershipLifecycleUseCase,
        OnlineMembershipsUseCase {

    /** The actor of scheduled transitions (expiry, renewal). */
    public static final String SYSTEM = "system:memberships";
    static final int BATCH = 200;
    private static final System.Logger LOG = System.getLogger(MembershipService.class.getName());

    private final AccessPolicy access;
    private final MembershipPort memberships;
    private final PaymentPort payments;
    private final MembershipEventPort history;
    private final MemberPort members;
    private final OfferPort offers;
    private final OperatorPort operators;
    private final LoadNetworkPort networks;
    private final UnitOfWorkPort unitOfWork;
    private final AuditLog audit;
    private final List<MembershipEventListener> listeners;
    private final Clock clock;

    public MembershipService(AccessPolicy access, MembershipPort memberships, PaymentPort payments,
            MembershipEventPort history, MemberPort members, OfferPort offers, OperatorPort operators,
            LoadNetworkPort networks, UnitOfWorkPort unitOfWork, AuditLog audit,
            List<MembershipEventListener> listeners, Clock clock) {
        this.access = access;
        this.memberships = memberships;
        this.payments = payments;
        this.history = history;
        this.members = members;
        this.offers = offers;
        this.operators = operators;
        this.networks = networks;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- selling

    @Override
    public Membership sell(Caller caller, NetworkSlug network, String memberId, SellMembershipCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.SELL, false, granted -> {
            Network n = granted.writableNetwork();
            Instant now = clock.instant();
            ZoneId zone = n.timeZone().zone();
            Member member = member(memberId);
            SellMembershipCommand c = SellMembershipCommand.parse(raw);
            Offer offer = offers.find(c.offer()).orElseThrow(() -> invalid("offerId", "offer.not-found"));
            if (!OperatorScope.runs(operators, granted, caller, offer.operator())) {
                throw new ForbiddenException("membership.sell.not-your-operator");
            }
            if (member.isErased()) {
                throw new ConflictException("membership.member-erased");
            }
            if (offer.archived()) {
                throw new ConflictException("offer.archived");
            }
            if (offer.scope() instanceof OfferScope.WholeNetwork && !n.networkPassesAllowed()) {
                throw new ConflictException("offer.scope.network-passes-not-allowed");
            }
            MembershipKind kind = MembershipKind.of(offer.terms());
            LocalDate today = Validity.dateOf(now, zone);
            Fields rules = new Fields();
            rules.optional("startsOn", c.startsOn(), d -> {
                Membership.checkStart(kind, d, today);
                return d;
            });
            rules.optional("autoRenew", c.autoRenew() ? Boolean.TRUE : null, renew -> {
                Membership.checkAutoRenew(kind, renew);
                return renew;
            });
            rules.throwIfInvalid();
            Transition sale = Membership.sell(new MembershipId(Ids.newId(clock)), n.id(), member.id(),
                    OfferSnapshot.of(offer), new Membership.Sale(c.startsOn(), c.autoRenew()), now, zone,
                    caller.subject());
            Membership saved = memberships.insert(sale.membership());
            if (!offer.sold()) {
                memberships.markOfferSold(offer.id());
            }
            publish(n, sale.events(), now);
            audit.record(n.id(), caller, "membership.sold", saved.id().toString(),
                    Map.of("memberId", member.id().toString(), "offerId", offer.id().toString()));
            return saved;
        });
    }

    @Override
    public PaymentResult recordPayment(Caller caller, NetworkSlug network, String membershipId,
            RecordPaymentCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.SELL, false, granted -> {
            Network n = granted.writableNetwork();
            Instant now = clock.instant();
            ZoneId zone = n.timeZone().zone();
            Membership current = sold(granted, caller, membershipId);
            RecordPaymentCommand c = RecordPaymentCommand.parse(raw, Validity.dateOf(now, zone));
            if (c.idempotencyKey() != null) {
                Optional<Payment> earlier = payments.findByIdempotencyKey(c.idempotencyKey());
                if (earlier.isPresent()) {
                    if (!earlier.get().sameRequest(current.id(), c.method(), c.amount())) {
                        throw new ConflictException("payment.idempotency-key.reused");
                    }
                    return new PaymentResult(current, earlier.get(), true);
                }
            }
            Payment payment = new Payment(Ids.newId(clock), current.id(), c.method(), c.amount(), c.reference(),
                    c.receivedOn(), now, caller.subject(), c.idempotencyKey());
            Transition paid = current.recordPayment(payment, zone);
            Payment stored = payments.insert(payment);
            Membership saved = memberships.update(paid.membership());
            publish(n, paid.events(), now);
            audit.record(n.id(), caller, "membership.payment.recorded", saved.id().toString(),
                    Map.of("paymentId", stored.id().toString(), "method", stored.method().name(),
                            "amountCents", Long.toString(stored.amount().cents())));
            return new PaymentResult(saved, stored, false);
        });
    }

    @Override
    public Membership cancel(Caller caller, NetworkSlug network, String membershipId,
            CancelMembershipCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.SELL, false, granted -> {
            Network n = granted.writableNetwork();
            Instant now = clock.instant();
            Membership current = sold(granted, caller, membershipId);
            CancelMembershipCommand c = CancelMembershipCommand.parse(raw);
            Transition cancelled = current.cancel(c.reason(), now, caller.subject());
            if (!cancelled.changed()) {
                return current;
            }
            Membership saved = memberships.update(cancelled.membership());
            publish(n, cancelled.events(), now);
            audit.record(n.id(), caller, "membership.cancelled", saved.id().toString(), Map.of());
            return saved;
        });
    }

    @Override
    public Membership refund(Caller caller, NetworkSlug network, String membershipId, RefundCommand.Raw raw,
            @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.SELL, false, granted -> {
            Network n = granted.writableNetwork();
            Instant now = clock.instant();
            Membership current = sold(granted, caller, membershipId);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new fr.maillage.application.shared.StaleVersionException(true);
            }
            RefundCommand c = RefundCommand.parse(raw);
            Transition refunded = current.refund(c.amount(), c.method(), c.label(), now, caller.subject());
            Membership saved = memberships.update(refunded.membership());
            publish(n, refunded.events(), now);
            audit.record(n.id(), caller, "membership.refunded", saved.id().toString(),
                    Map.of("method", c.method().name(), "amountCents", Long.toString(c.amount().cents())));
            return saved;
        });
    }

    // ---------------------------------------------------------------------------------------------- online

    @Override
    public Membership sellOnline(Network n, Member member, Offer offer, boolean autoRenew, Instant now,
            String actor) {
        if (n.isArchived()) {
            throw new NetworkArchivedException(n.slug());
        }
        if (member.isErased()) {
            throw new ConflictException("membership.member-erased");
        }
        if (offer.archived()) {
            throw new ConflictException("offer.archived");
        }
        if (offer.scope() instanceof OfferScope.WholeNetwork && !n.networkPassesAllowed()) {
            throw new ConflictException("offer.scope.network-passes-not-allowed");
        }
        Transition sale = Membership.sell(new MembershipId(Ids.newId(clock)), n.id(), member.id(),
                OfferSnapshot.of(offer), new Membership.Sale(null, autoRenew, true), now, n.timeZone().zone(), actor);
        Membership saved = memberships.insert(sale.membership());
        if (!offer.sold()) {
            memberships.markOfferSold(offer.id());
        }
        publish(n, sale.events(), now);
        return saved;
    }

    @Override
    public PaymentResult recordOnlinePayment(Network n, MembershipId id, Money amount, String reference,
            String idempotencyKey, Instant now, String actor) {
        Membership current = memberships.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException("membership.not-found"));
        Optional<Payment> earlier = payments.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().sameRequest(id, PaymentMethod.ONLINE, amount)) {
                throw new ConflictException("payment.idempotency-key.reused");
            }
            return new PaymentResult(current, earlier.get(), true);
        }
        ZoneId zone = n.timeZone().zone();
        Payment payment = new Payment(Ids.newId(clock), id, PaymentMethod.ONLINE, amount, reference,
                Validity.dateOf(now, zone), now, actor, idempotencyKey);
        Transition paid = current.recordPayment(payment, zone);
        Payment stored = payments.insert(payment);
        Membership saved = memberships.update(paid.membership());
        publish(n, paid.events(), now);
        audit.record(n.id(), systemCaller(actor), "membership.payment.recorded", saved.id().toString(),
                Map.of("paymentId", stored.id().toString(), "method", stored.method().name(),
                        "amountCents", Long.toString(stored.amount().cents())));
        return new PaymentResult(saved, stored, false);
    }

    @Override
    public Optional<Membership> refund(Network n, MembershipId id, Money amount, String reference, Instant now,
            String actor) {
        Optional<Membership> current = memberships.findForUpdate(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Transition refunded = current.get().refund(amount, reference, now, actor);
        Membership saved = memberships.update(refunded.membership());
        publish(n, refunded.events(), now);
        audit.record(n.id(), systemCaller(actor), "membership.refunded", saved.id().toString(),
                Map.of("amountCents", Long.toString(amount.cents()), "reference", reference));
        return Optional.of(saved);
    }

    @Override
    public Optional<Membership> cancelUnpaid(Network n, MembershipId id, String reason, Instant now, String actor) {
        Optional<Membership> current = memberships.findForUpdate(id);
        if (current.isEmpty() || current.get().status() != MembershipStatus.PENDING_PAYMENT) {
            return current;
        }
        Transition cancelled = current.get().cancel(reason, now, actor);
        Membership saved = memberships.update(cancelled.membership());
        publish(n, cancelled.events(), now);
        return Optional.of(saved);
    }

    @Override
    public Optional<Membership> changeRenewal(Network n, MembershipId id, boolean autoRenew, String reason,
            Instant now, Caller actor) {
        Optional<Membership> current = memberships.findForUpdate(id);
        if (current.isEmpty()) {
            return current;
        }
        Transition changed = autoRenew ? current.get().resumeRenewal(now, actor.subject())
                : current.get().stopRenewal(reason, now, actor.subject());
        if (!changed.changed()) {
            return current;
        }
        Membership saved = memberships.update(changed.membership());
        publish(n, changed.events(), now);
        audit.record(n.id(), actor, autoRenew ? "membership.renewal.resumed" : "membership.renewal.stopped",
                saved.id().toString(), autoRenew ? Map.of() : Map.of("reason", reason));
        return Optional.of(saved);
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public Page<Membership> membershipsOf(Caller caller, NetworkSlug network, String memberId, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> {
            Viewer viewer = viewer(granted, caller);
            Member member = member(memberId);
            if (viewer.sellers() == null || member.id().equals(viewer.self())) {
                return memberships.ofMember(member.id(), null, page);
            }
            if (viewer.sellers().isEmpty()) {
                throw new NotFoundException("member.not-found");
            }
            return memberships.ofMember(member.id(), viewer.sellers(), page);
        });
    }

    @Override
    public Membership membership(Caller caller, NetworkSlug network, String membershipId) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true,
                granted -> visible(viewer(granted, caller), membershipId));
    }

    @Override
    public Page<StoredEvent> history(Caller caller, NetworkSlug network, String membershipId, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> {
            Membership m = visible(viewer(granted, caller), membershipId);
            return history.history(m.id(), page);
        });
    }

    @Override
    public Page<Membership> myMemberships(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, true, granted -> {
            Member me = members.findBySubject(caller.subject())
                    .orElseThrow(() -> new NotFoundException("member.not-found"));
            return memberships.ofMember(me.id(), null, page);
        });
    }

    /**
     * Who reads: {@code sellers} the operators whose sales they see ({@code null}: all, for animators), {@code self}
     * their own member in the network (members, and anyone with a member profile and self-service).
     */
    private record Viewer(@Nullable Set<OperatorId> sellers, @Nullable MemberId self) {

        boolean sees(Membership m) {
            return sellers == null || sellers.contains(m.seller()) || m.member().equals(self);
        }
    }

    private Viewer viewer(NetworkAccess granted, Caller caller) {
        boolean sells = granted.can(Permission.SELL);
        boolean self = granted.can(Permission.SELF_SERVICE);
        if (!sells && !self) {
            throw new ForbiddenException("access.denied");
        }
        Set<OperatorId> sellers = granted.administersNetwork() ? null
                : sells ? operators.operatorsOfManager(caller.subject()) : Set.of();
        MemberId me = self ? members.findBySubject(caller.subject()).map(Member::id).orElse(null) : null;
        return new Viewer(sellers, me);
    }

    private Membership visible(Viewer viewer, String membershipId) {
        return id(membershipId).flatMap(memberships::find).filter(viewer::sees)
                .orElseThrow(() -> new NotFoundException("membership.not-found"));
    }

    /** A membership the caller sells (animators: all; managers: their operators'), locked for a change. */
    private Membership sold(NetworkAccess granted, Caller caller, String membershipId) {
        return id(membershipId).flatMap(memberships::findForUpdate).filter(m -> OperatorScope.runs(operators, granted, caller, m.seller()))
                .orElseThrow(() -> new NotFoundException("membership.not-found"));
    }

    private Member member(String raw) {
        try {
            return members.find(new MemberId(UUID.fromString(raw.strip())))
                    .orElseThrow(() -> new NotFoundException("member.not-found"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("member.not-found");
        }
    }

    private static Optional<MembershipId> id(String raw) {
        try {
            return Optional.of(new MembershipId(UUID.fromString(raw.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public LifecycleReport expireAndRenew(Instant now) {
        LifecycleReport report = new LifecycleReport(0, 0, 0, 0);
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            Page<Network> found = unitOfWork.readOnly(() -> networks.list(new NetworkListCriteria(null, request)));
            for (Network network : found.items()) {
                try {
                    report = report.plus(expireAndRenew(network, now));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Memberships of network " + network.slug()
                            + " could not be expired or renewed; retried at the next run", e);
                    report = report.plus(new LifecycleReport(1, 0, 0, 1));
                }
            }
            if (found.items().size() < request.size()) {
                return report;
            }
        }
    }

    @Override
    public LifecycleReport expireAndRenew(NetworkSlug slug, Instant now) {
        Network network = unitOfWork.readOnly(() -> networks.findBySlug(slug))
                .orElseThrow(() -> AccessPolicy.notFound(slug));
        return expireAndRenew(network, now);
    }

    /** Batches of {@link #BATCH} memberships, one transaction each, until none is due. */
    private LifecycleReport expireAndRenew(Network network, Instant now) {
        ZoneId zone = network.timeZone().zone();
        LocalDate today = Validity.dateOf(now, zone);
        int expired = 0;
        int renewed = 0;
        while (true) {
            int[] batch = unitOfWork.inTenant(network.id(), () -> {
                List<Membership> due = memberships.dueToExpire(today, BATCH);
                int renewals = 0;
                for (Membership m : due) {
                    Transition expiry = m.expire(now, zone, SYSTEM);
                    Membership ended = memberships.update(expiry.membership());
                    publish(network, expiry.events(), now);
                    if (ended.renews() && renewable(network, ended)) {
                        Transition renewal = ended.renew(new MembershipId(Ids.newId(clock)), now, zone, SYSTEM);
                        memberships.insert(renewal.membership());
                        publish(network, renewal.events(), now);
                        renewals++;
                    }
                }
                return new int[] {due.size(), renewals};
            });
            expired += batch[0];
            renewed += batch[1];
            if (batch[0] < BATCH) {
                return new LifecycleReport(1, expired, renewed, 0);
            }
        }
    }

    /**
     * A subscription is renewed unless its network is archived, its offer archived (archiving an offer stops its
     * renewals), its member erased, or its next period already exists.
     */
    private boolean renewable(Network network, Membership m) {
        return !network.isArchived()
                && offers.find(m.offer().offer()).map(o -> !o.archived()).orElse(false)
                && members.find(m.member()).map(member -> !member.isErased()).orElse(false)
                && !memberships.hasRenewal(m.id());
    }

    // ---------------------------------------------------------------------------------------------- events

    private void publish(Network network, List<MembershipEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        history.append(events, now);
        for (MembershipEvent event : events) {
            for (MembershipEventListener listener : listeners) {
                listener.on(network.id(), event);
            }
        }
    }

    private static Caller systemCaller(String actor) {
        return Caller.system(actor.startsWith("system:") ? actor.substring("system:".length()) : actor);
    }

    private static InvalidInputException invalid(String field, String code) {
        return new InvalidInputException(List.of(new FieldViolation(field, code, List.of())));
    }
}
