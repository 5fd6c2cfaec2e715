package fr.maillage.application.payment;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.mail.MailTemplates;
import fr.maillage.application.mail.OutgoingMail;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.membership.port.in.OnlineMembershipsUseCase;
import fr.maillage.application.membership.port.out.MembershipPort;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.payment.port.in.OnlinePaymentsUseCase;
import fr.maillage.application.payment.port.in.ProviderEventsUseCase;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.Checkout;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.ConnectedAccount;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.PlatformFee;
import fr.maillage.application.payment.port.out.PaymentProviderPort;
import fr.maillage.application.payment.port.out.PaymentProviderPort.AccountState;
import fr.maillage.application.payment.port.out.PaymentProviderPort.ChargeState;
import fr.maillage.application.payment.port.out.PaymentProviderPort.CheckoutRequest;
import fr.maillage.application.payment.port.out.PaymentProviderPort.CheckoutState;
import fr.maillage.application.payment.port.out.PaymentProviderPort.InvoiceState;
import fr.maillage.application.payment.port.out.PaymentProviderPort.ProviderEvent;
import fr.maillage.application.payment.port.out.PaymentProviderPort.SubscriptionState;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.MembershipKind;
import fr.maillage.domain.membership.MembershipStatus;
import fr.maillage.domain.membership.Validity;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Online payments through the provider's connected accounts (Stripe Connect, direct charges).
 *
 * <p>Calls to the provider never run inside a database transaction: the idempotency key of a call is stored and
 * committed first (one transaction), the provider is called with it (retried with the same key by the adapter), and
 * what it answered is stored in a second transaction. A call repeated after a crash finds the same key and gets the
 * same object back.
 *
 * <p>Events are applied in one tenant transaction each: the event's id is recorded with its effect, so it is
 * applied once (a concurrent delivery waits on the unique id, then sees it), and a failure leaves nothing. A paid
 * Checkout session is fulfilled by one ONLINE payment whose idempotency key derives from the session's id, whichever
 * of the webhook, the member's return page or the reconciliation comes first.
 */
public final class OnlinePaymentService implements OnlinePaymentsUseCase, ProviderEventsUseCase {

    /** The actor of what the provider's events do. */
    public static final String ACTOR = "system:stripe";
    /** Why renewal stopped, as the history says, when the provider's subscription ended. */
    static final String SUBSCRIPTION_ENDED = "Abonnement Stripe terminé";
    /** ... and when it was set to end with its period (in Stripe's dashboard, or by our own request). */
    static final String SUBSCRIPTION_ENDING = "Résiliation demandée dans Stripe";
    private static final System.Logger LOG = System.getLogger(OnlinePaymentService.class.getName());

    private final AccessPolicy access;
    private final PaymentProviderPort provider;
    private final OnlinePaymentStorePort store;
    private final OnlineMembershipsUseCase onlineMemberships;
    private final MembershipPort memberships;
    private final MemberPort members;
    private final OfferPort offers;
    private final OperatorPort operators;
    private final LoadNetworkPort networks;
    private final UnitOfWorkPort unitOfWork;
    private final @Nullable OutboxPort outbox;
    private final Clock clock;
    private final String publicUrl;

    public OnlinePaymentService(AccessPolicy access, PaymentProviderPort provider, OnlinePaymentStorePort store,
            OnlineMembershipsUseCase onlineMemberships, MembershipPort memberships, MemberPort members,
            OfferPort offers, OperatorPort operators, LoadNetworkPort networks, UnitOfWorkPort unitOfWork,
            @Nullable OutboxPort outbox, Clock clock, String publicUrl) {
        this.access = access;
        this.provider = provider;
        this.store = store;
        this.onlineMemberships = onlineMemberships;
        this.memberships = memberships;
        this.members = members;
        this.offers = offers;
        this.operators = operators;
        this.networks = networks;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.clock = clock;
        String base = publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    // ---------------------------------------------------------------------------------------------- connect

    private record ConnectPlan(Network network, Operator operator, @Nullable ConnectedAccount existing,
            @Nullable String accountKey, String linkKey, @Nullable String email) {
    }

    @Override
    public Onboarding connect(Caller caller, NetworkSlug slug, String operatorId) {
        requireConfigured();
        ConnectPlan plan = access.inNetwork(caller, slug, Permission.BILLING, false, granted -> {
            Network n = granted.writableNetwork();
            Operator operator = operatorOf(granted, caller, operatorId);
            Optional<ConnectedAccount> existing = store.accountOf(operator.id());
            String accountKey = existing.isPresent() ? null : store.requestKey("account", operator.id().toString());
            String linkKey = store.requestKey("account-link", UUID.randomUUID().toString());
            return new ConnectPlan(n, operator, existing.orElse(null), accountKey, linkKey, caller.email());
        });
        ConnectedAccount account = plan.existing();
        if (account == null) {
            String key = java.util.Objects.requireNonNull(plan.accountKey());
            AccountState created = provider.createAccount(plan.email(), key);
            account = unitOfWork.inTenant(plan.network().id(), () -> {
                store.insertAccount(new ConnectedAccount(plan.operator().id(), created.id(), created.chargesEnabled(),
                        created.payoutsEnabled(), created.detailsSubmitted(), created.requirements(), Instant.EPOCH));
                store.requestDone(key, created.id());
                return store.accountOf(plan.operator().id()).orElseThrow();
            });
        }
        String back = publicUrl + "/networks/" + slug.value() + "/operators/" + plan.operator().id() + "/stripe";
        String accountId = account.accountId();
        String url = provider.onboardingLink(accountId, back + "?onboarding=refresh", back + "?onboarding=return",
                plan.linkKey());
        unitOfWork.inTenant(plan.network().id(), () -> {
            store.requestDone(plan.linkKey(), accountId);
            return Boolean.TRUE;
        });
        return new Onboarding(account, url);
    }

    @Override
    public ConnectedAccount account(Caller caller, NetworkSlug slug, String operatorId) {
        requireConfigured();
        return access.inNetwork(caller, slug, Permission.BILLING, true, granted -> {
            Operator operator = operatorOf(granted, caller, operatorId);
            return store.accountOf(operator.id())
                    .orElseThrow(() -> new NotFoundException("payment.online.account.not-found"));
        });
    }

    private Operator operatorOf(NetworkAccess granted, Caller caller, String raw) {
        OperatorId id;
        try {
            id = new OperatorId(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("operator.not-found");
        }
        return operators.find(id).filter(o -> OperatorScope.runs(operators, granted, caller, o.id()))
                .orElseThrow(() -> new NotFoundException("operator.not-found"));
    }

    // ---------------------------------------------------------------------------------------------- checkout

    private record CheckoutPlan(Network network, Membership membership, ConnectedAccount account, String key,
            CheckoutRequest request) {
    }

    @Override
    public CheckoutStarted checkout(Caller caller, NetworkSlug slug, String offerId) {
        requireConfigured();
        Instant now = clock.instant();
        CheckoutPlan plan = access.inNetwork(caller, slug, Permission.SELF_SERVICE, false, granted -> {
            Network n = granted.writableNetwork();
            Member me = members.findBySubject(caller.subject())
                    .orElseThrow(() -> new NotFoundException("member.not-found"));
            Offer offer = offer(offerId);
            if (offer.price().cents() == 0) {
                throw new ConflictException("payment.online.free-offer");
            }
            ConnectedAccount account = store.accountOf(offer.operator()).filter(ConnectedAccount::chargesEnabled)
                    .orElseThrow(() -> new ConflictException("payment.online.operator-not-ready"));
            String interval = offer.terms() instanceof OfferTerms.Subscription s
                    ? (s.billing() == OfferTerms.Billing.YEARLY ? "year" : "month") : null;
            Membership sold = onlineMemberships.sellOnline(n, me, offer, interval != null, now, caller.subject());
            String key = store.requestKey("checkout", sold.id().toString());
            String back = publicUrl + "/networks/" + slug.value() + "/checkout/";
            PlatformFee fee = store.platformFee();
            CheckoutRequest request = new CheckoutRequest(offer.name(), offer.price().cents(),
                    offer.price().currency().getCurrencyCode().toLowerCase(Locale.ROOT),
                    interval == null ? fee.of(offer.price().cents()) : new PlatformFee(0, fee.perMille())
                            .of(offer.price().cents()),
                    back + "return?session_id={CHECKOUT_SESSION_ID}", back + "cancel?session_id={CHECKOUT_SESSION_ID}",
                    me.email(), Map.of("network", slug.value(), "membership_id", sold.id().toString()), interval,
                    fee.perMille());
            return new CheckoutPlan(n, sold, account, key, request);
        });
        CheckoutState session;
        try {
            session = provider.createCheckout(plan.account().accountId(), plan.request(), plan.key());
        } catch (RuntimeException e) {
            // Nothing to pay: the sale pending payment is withdrawn (the member may try again).
            unitOfWork.inTenant(plan.network().id(), () -> onlineMemberships.cancelUnpaid(plan.network(),
                    plan.membership().id(), "Paiement en ligne indisponible", clock.instant(), ACTOR));
            throw e;
        }
        unitOfWork.inTenant(plan.network().id(), () -> {
            store.insertCheckout(new Checkout(session.id(), plan.membership().id(), plan.membership().seller(),
                    plan.account().accountId(), "OPEN", plan.request().amountCents(),
                    plan.request().applicationFeeCents(), null, 0, now));
            store.requestDone(plan.key(), session.id());
            return Boolean.TRUE;
        });
        return new CheckoutStarted(plan.membership(), session.id(),
                session.url() == null ? "" : session.url());
    }

    @Override
    public Membership checkoutReturn(Caller caller, NetworkSlug slug, String sessionId) {
        requireConfigured();
        record Found(Network network, Checkout checkout) {
        }
        Found found = access.inNetwork(caller, slug, Permission.SELF_SERVICE, true, granted -> {
            Member me = members.findBySubject(caller.subject())
                    .orElseThrow(() -> new NotFoundException("checkout.not-found"));
            Checkout c = store.checkout(sessionId.strip())
                    .filter(x -> memberships.find(x.membership()).map(m -> m.member().equals(me.id())).orElse(false))
                    .orElseThrow(() -> new NotFoundException("checkout.not-found"));
            return new Found(granted.network(), c);
        });
        CheckoutState session = provider.checkout(found.checkout().accountId(), found.checkout().sessionId());
        return unitOfWork.inTenant(found.network().id(), () -> {
            if (session.paid()) {
                fulfil(found.network(), found.checkout().accountId(), session);
            }
            return memberships.find(found.checkout().membership()).orElseThrow();
        });
    }

    private Offer offer(String raw) {
        try {
            return offers.find(UUID.fromString(raw.strip()))
                    .orElseThrow(() -> new NotFoundException("offer.not-found"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("offer.not-found");
        }
    }

    // ---------------------------------------------------------------------------------------------- events

    @Override
    public Outcome receive(byte[] payload, @Nullable String signature) {
        requireConfigured();
        return apply(provider.verify(payload, signature));
    }

    @Override
    public int reconcile(Instant since) {
        requireConfigured();
        int applied = 0;
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            Page<Network> found = unitOfWork.readOnly(() -> networks.list(new NetworkListCriteria(null, request)));
            for (Network network : found.items()) {
                List<ConnectedAccount> accounts = unitOfWork.readOnlyInTenant(network.id(), store::accounts);
                for (ConnectedAccount account : accounts) {
                    try {
                        for (ProviderEvent event : provider.eventsSince(account.accountId(), since)) {
                            if (apply(event) == Outcome.APPLIED) {
                                applied++;
                            }
                        }
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "Reconciliation of the Stripe account "
                                + account.accountId() + " failed; retried at the next run", e);
                    }
                }
            }
            if (found.items().size() < request.size()) {
                return applied;
            }
        }
    }

    /** Applies an event once, in one tenant transaction with the record of its id. */
    Outcome apply(ProviderEvent event) {
        String account = event.account();
        if (account == null) {
            return Outcome.IGNORED;
        }
        Optional<NetworkSlug> slug = unitOfWork.readOnly(() -> store.networkOfAccount(account));
        if (slug.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Stripe event " + event.id() + " of an unknown account ignored");
            return Outcome.IGNORED;
        }
        Network network = unitOfWork.readOnly(() -> networks.findBySlug(slug.get())).orElseThrow();
        return unitOfWork.inTenant(network.id(), () -> {
            if (store.eventApplied(event.id())) {
                return Outcome.DUPLICATE;
            }
            Supplier<Boolean> effect = effect(network, account, event);
            if (effect == null) {
                return Outcome.IGNORED;
            }
            if (!store.markEventApplied(event.id(), event.type(), account, event.created())) {
                return Outcome.DUPLICATE;
            }
            effect.get();
            return Outcome.APPLIED;
        });
    }

    /** What the event does, or null when it does not concern us (it is then not recorded). */
    private @Nullable Supplier<Boolean> effect(Network network, String account, ProviderEvent event) {
        switch (event.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                CheckoutState session = event.checkout();
                if (session == null || membershipOf(session) == null) {
                    return null;
                }
                return () -> {
                    if (session.paid()) {
                        fulfil(network, account, session);
                    } else {
                        processing(network, account, session);
                    }
                    return true;
                };
            }
            case "checkout.session.async_payment_failed", "checkout.session.expired" -> {
                CheckoutState session = event.checkout();
                if (session == null || membershipOf(session) == null) {
                    return null;
                }
                boolean failed = event.type().endsWith("failed");
                return () -> unpaid(network, account, session, failed, event.created());
            }
            case "charge.refunded" -> {
                ChargeState charge = event.charge();
                if (charge == null || charge.paymentIntent() == null
                        || store.checkoutOfPaymentIntent(charge.paymentIntent()).isEmpty()) {
                    // Not a charge of ours, or its checkout not fulfilled yet: the reconciliation comes back to it.
                    return null;
                }
                return () -> refunded(network, charge, event.created());
            }
            case "invoice.paid" -> {
                InvoiceState invoice = event.invoice();
                if (invoice == null || invoice.subscription() == null
                        || "subscription_create".equals(invoice.billingReason())) {
                    // The first period is paid through its Checkout session.
                    return null;
                }
                Optional<Checkout> started = store.checkoutOfSubscription(invoice.subscription());
                if (started.isEmpty()) {
                    return null;
                }
                MembershipId due = store.latestPeriod(started.get().membership());
                if (memberships.find(due).map(m -> m.status() != MembershipStatus.PENDING_PAYMENT).orElse(true)) {
                    // The next period does not exist yet (it is created when the current one ends): not recorded,
                    // so that the reconciliation applies it once it does.
                    return null;
                }
                return () -> paidPeriod(network, due, invoice, event.created());
            }
            case "customer.subscription.updated", "customer.subscription.deleted" -> {
                SubscriptionState subscription = event.subscription();
                if (subscription == null) {
                    return null;
                }
                Optional<Checkout> started = store.checkoutOfSubscription(subscription.id());
                if (started.isEmpty()) {
                    // Not ours, or its session not fulfilled yet: the reconciliation comes back to it.
                    return null;
                }
                boolean ended = event.type().endsWith(".deleted") || subscription.ended();
                MembershipId first = started.get().membership();
                return () -> subscriptionChanged(network, first, subscription.id(), subscription.cancelAtPeriodEnd(),
                        ended, event.created());
            }
            case "account.updated" -> {
                AccountState state = event.accountState();
                if (state == null) {
                    return null;
                }
                return () -> store.updateAccount(account, state, event.created());
            }
            default -> {
                return null;
            }
        }
    }

    private static @Nullable MembershipId membershipOf(CheckoutState session) {
        String raw = session.metadata().get("membership_id");
        if (raw == null) {
            return null;
        }
        try {
            return new MembershipId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The session's row, locked; created from the provider's copy if the checkout's own write is not there yet. */
    private Checkout lockCheckout(String account, CheckoutState session) {
        Optional<Checkout> found = store.checkoutForUpdate(session.id());
        if (found.isPresent()) {
            return found.get();
        }
        MembershipId membership = java.util.Objects.requireNonNull(membershipOf(session));
        Membership m = memberships.find(membership).orElseThrow(() -> new IllegalStateException(
                "Checkout session " + session.id() + " names an unknown membership " + membership));
        store.insertCheckout(new Checkout(session.id(), membership, m.seller(), account, "OPEN",
                session.amountTotal(), 0, session.paymentIntent(), 0, clock.instant()));
        return store.checkoutForUpdate(session.id()).orElseThrow();
    }

    /** Records the one ONLINE payment of a paid session (a replay if it is there already). */
    private void fulfil(Network network, String account, CheckoutState session) {
        Checkout checkout = lockCheckout(account, session);
        String key = "stripe:" + session.id();
        String reference = session.paymentIntent() != null ? session.paymentIntent() : session.id();
        try {
            onlineMemberships.recordOnlinePayment(network, checkout.membership(), Money.euros(session.amountTotal()),
                    reference, key, clock.instant(), ACTOR);
        } catch (ConflictException e) {
            // Paid at the provider, but the membership no longer takes it (cancelled meanwhile): to be refunded by
            // hand. Kept visible as UNFULFILLED rather than retried forever.
            LOG.log(System.Logger.Level.ERROR, "Paid Checkout session " + session.id() + " could not be fulfilled ("
                    + e.code() + "); it is marked UNFULFILLED and must be refunded");
            store.updateCheckout(checkout.with("UNFULFILLED", session.paymentIntent(), checkout.refundedCents()));
            return;
        }
        store.updateCheckout(checkout.with("PAID", session.paymentIntent(), checkout.refundedCents()));
        if (session.subscription() != null) {
            store.linkSubscription(session.id(), session.subscription());
        }
    }

    /** A subscription's period paid by an invoice: one ONLINE payment keyed on the invoice. */
    private boolean paidPeriod(Network network, MembershipId period, InvoiceState invoice, Instant at) {
        try {
            onlineMemberships.recordOnlinePayment(network, period, Money.euros(invoice.amountPaid()), invoice.id(),
                    "stripe:" + invoice.id(), at, ACTOR);
            return true;
        } catch (ConflictException e) {
            LOG.log(System.Logger.Level.ERROR, "Invoice " + invoice.id() + " paid for membership " + period
                    + " could not be recorded (" + e.code() + "); to be checked by hand");
            return false;
        }
    }

    /**
     * A provider subscription set to end with its period, resumed, or ended: unless the state stored is newer (or
     * ended), the latest period of its chain stops (or resumes) renewing; once ended, a renewal period still unpaid is
     * cancelled (the provider will not charge it).
     */
    private boolean subscriptionChanged(Network network, MembershipId first, String subscription,
            boolean cancelAtPeriodEnd, boolean ended, Instant at) {
        if (!store.updateSubscription(subscription, cancelAtPeriodEnd, ended, at)) {
            return false;
        }
        MembershipId period = store.latestPeriod(first);
        Membership latest = memberships.find(period).orElseThrow();
        if (latest.kind() != MembershipKind.SUBSCRIPTION || latest.status().isFinal()) {
            return false;
        }
        onlineMemberships.changeRenewal(network, period, !ended && !cancelAtPeriodEnd,
                ended ? SUBSCRIPTION_ENDED : SUBSCRIPTION_ENDING, at, Caller.system("stripe"));
        if (ended && latest.renewalOf() != null && latest.status() == MembershipStatus.PENDING_PAYMENT
                && latest.amountPaid().cents() == 0) {
            onlineMemberships.cancelUnpaid(network, period, SUBSCRIPTION_ENDED, at, ACTOR);
        }
        return true;
    }

    private void processing(Network network, String account, CheckoutState session) {
        Checkout checkout = lockCheckout(account, session);
        if ("OPEN".equals(checkout.status())) {
            store.updateCheckout(checkout.with("PROCESSING", session.paymentIntent(), checkout.refundedCents()));
        }
    }

    private boolean unpaid(Network network, String account, CheckoutState session, boolean failed, Instant at) {
        Checkout checkout = lockCheckout(account, session);
        if ("PAID".equals(checkout.status()) || "UNFULFILLED".equals(checkout.status())) {
            return false;
        }
        store.updateCheckout(checkout.with(failed ? "FAILED" : "EXPIRED", session.paymentIntent(),
                checkout.refundedCents()));
        Optional<Membership> cancelled = onlineMemberships.cancelUnpaid(network, checkout.membership(),
                failed ? "Paiement en ligne refusé" : "Paiement en ligne abandonné", at, ACTOR);
        if (failed && cancelled.isPresent() && cancelled.get().status() == MembershipStatus.CANCELLED) {
            mailFailedPayment(network, cancelled.get(), session, at);
        }
        return true;
    }

    /**
     * The "failed payment" mail, in the outbox, in this transaction (template {@code payment-failed} of the outbox
     * module: networkName, operatorName, offerName, amount, failedOn), once per session.
     */
    private void mailFailedPayment(Network network, Membership membership, CheckoutState session, Instant at) {
        if (outbox == null) {
            LOG.log(System.Logger.Level.WARNING, "No outbox: the failed payment mail of " + session.id()
                    + " is not sent");
            return;
        }
        long cents = membership.offer().price().cents();
        String operator = operators.find(membership.seller()).map(Operator::legalName).orElse("");
        String failedOn = MailTemplates.date(Validity.dateOf(at, network.timeZone().zone()));
        members.find(membership.member()).filter(m -> !m.isErased()).ifPresent(member -> outbox.enqueue(
                OutgoingMail.of(member.email(), member.displayName(), member.language(), MailTemplates.PAYMENT_FAILED,
                        Map.of("networkName", network.name().value(), "operatorName", operator,
                                "offerName", membership.offer().name(),
                                "amount", MailTemplates.amount(cents, member.language()),
                                "failedOn", failedOn),
                        "payment-failed:" + session.id())));
    }

    private boolean refunded(Network network, ChargeState charge, Instant at) {
        Checkout checkout = store.checkoutOfPaymentIntent(java.util.Objects.requireNonNull(charge.paymentIntent()))
                .flatMap(c -> store.checkoutForUpdate(c.sessionId())).orElseThrow();
        long delta = charge.amountRefunded() - checkout.refundedCents();
        if (delta <= 0) {
            // An older state of the charge than the refunds already recorded: nothing more was refunded.
            return false;
        }
        String reference = charge.lastRefund() != null ? charge.lastRefund() : charge.id();
        onlineMemberships.refund(network, checkout.membership(), Money.euros(delta), reference, at, ACTOR);
        store.updateCheckout(checkout.with(checkout.status(), checkout.paymentIntent(), charge.amountRefunded()));
        return true;
    }

    // ---------------------------------------------------------------------------------------------- shared

    private void requireConfigured() {
        if (!provider.configured()) {
            throw new ConflictException("payment.online.not-configured");
        }
    }
}
