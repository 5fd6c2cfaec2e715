package fr.maillage.adapter.persistence.stripe;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort;
import fr.maillage.application.payment.port.out.PaymentProviderPort.AccountState;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.operator.OperatorId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Online payments' own tables, by plain SQL in the current tenant transaction (row-level security keeps each network
 * to its rows; the tenant is the one bound by the unit of work). {@code stripe_account_route} is read outside any
 * tenant: it only maps an account to its network.
 */
@Component
class StripePersistenceAdapter implements OnlinePaymentStorePort {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    StripePersistenceAdapter(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private MapSqlParameterSource params() {
        return new MapSqlParameterSource("network", TenantScope.current())
                .addValue("now", Timestamp.from(clock.instant()));
    }

    @Override
    public String requestKey(String purpose, String objectId) {
        MapSqlParameterSource p = params().addValue("purpose", purpose).addValue("object", objectId)
                .addValue("key", "maillage-" + purpose + "-" + UUID.randomUUID());
        jdbc.update("""
                insert into stripe_request (network_id, purpose, object_id, idempotency_key, status, created_at)
                values (:network, :purpose, :object, :key, 'PENDING', :now)
                on conflict (network_id, purpose, object_id) do nothing""", p);
        return jdbc.queryForObject("""
                select idempotency_key from stripe_request
                where network_id = :network and purpose = :purpose and object_id = :object""", p, String.class);
    }

    @Override
    public void requestDone(String idempotencyKey, String result) {
        jdbc.update("""
                update stripe_request set status = 'DONE', result = :result, done_at = :now
                where network_id = :network and idempotency_key = :key""",
                params().addValue("key", idempotencyKey).addValue("result", result));
    }

    private static final String ACCOUNT_COLUMNS = """
            select operator_id, account_id, charges_enabled, payouts_enabled, details_submitted, requirements,
                   status_at from stripe_account""";

    private static ConnectedAccount account(ResultSet rs, int row) throws SQLException {
        String requirements = rs.getString("requirements");
        return new ConnectedAccount(new OperatorId(rs.getObject("operator_id", UUID.class)),
                rs.getString("account_id"), rs.getBoolean("charges_enabled"), rs.getBoolean("payouts_enabled"),
                rs.getBoolean("details_submitted"),
                requirements.isEmpty() ? List.of() : Arrays.asList(requirements.split(",")),
                rs.getTimestamp("status_at").toInstant());
    }

    @Override
    public Optional<ConnectedAccount> accountOf(OperatorId operator) {
        return jdbc.query(ACCOUNT_COLUMNS + " where network_id = :network and operator_id = :operator",
                params().addValue("operator", operator.value()), StripePersistenceAdapter::account).stream()
                .findFirst();
    }

    @Override
    public Optional<ConnectedAccount> account(String accountId) {
        return jdbc.query(ACCOUNT_COLUMNS + " where network_id = :network and account_id = :account",
                params().addValue("account", accountId), StripePersistenceAdapter::account).stream().findFirst();
    }

    @Override
    public void insertAccount(ConnectedAccount a) {
        MapSqlParameterSource p = params().addValue("operator", a.operator().value())
                .addValue("account", a.accountId()).addValue("charges", a.chargesEnabled())
                .addValue("payouts", a.payoutsEnabled()).addValue("details", a.detailsSubmitted())
                .addValue("requirements", String.join(",", a.requirements()))
                .addValue("statusAt", Timestamp.from(a.statusAt()));
        jdbc.update("""
                insert into stripe_account (network_id, operator_id, account_id, charges_enabled, payouts_enabled,
                    details_submitted, requirements, status_at, created_at)
                values (:network, :operator, :account, :charges, :payouts, :details, :requirements, :statusAt, :now)
                on conflict (network_id, operator_id) do nothing""", p);
        jdbc.update("""
                insert into stripe_account_route (account_id, owner_network) values (:account, :network)
                on conflict (account_id) do nothing""", p);
    }

    @Override
    public boolean updateAccount(String accountId, AccountState state, Instant asOf) {
        return jdbc.update("""
                update stripe_account set charges_enabled = :charges, payouts_enabled = :payouts,
                    details_submitted = :details, requirements = :requirements, status_at = :asOf
                where network_id = :network and account_id = :account and status_at <= :asOf""",
                params().addValue("account", accountId).addValue("charges", state.chargesEnabled())
                        .addValue("payouts", state.payoutsEnabled()).addValue("details", state.detailsSubmitted())
                        .addValue("requirements", String.join(",", state.requirements()))
                        .addValue("asOf", Timestamp.from(asOf))) > 0;
    }

    @Override
    public List<ConnectedAccount> accounts() {
        return jdbc.query(ACCOUNT_COLUMNS + " where network_id = :network order by created_at", params(),
                StripePersistenceAdapter::account);
    }

    @Override
    public Optional<NetworkSlug> networkOfAccount(String accountId) {
        return jdbc.query("""
                select n.slug from stripe_account_route r join network n on n.id = r.owner_network
                where r.account_id = :account""", new MapSqlParameterSource("account", accountId),
                (rs, i) -> new NetworkSlug(rs.getString(1))).stream().findFirst();
    }

    private static final String CHECKOUT_COLUMNS = """
            select session_id, membership_id, operator_id, account_id, status, amount_cents, fee_cents,
                   payment_intent, refunded_cents, created_at from stripe_checkout""";

    private static Checkout checkout(ResultSet rs, int row) throws SQLException {
        return new Checkout(rs.getString("session_id"), new MembershipId(rs.getObject("membership_id", UUID.class)),
                new OperatorId(rs.getObject("operator_id", UUID.class)), rs.getString("account_id"),
                rs.getString("status"), rs.getLong("amount_cents"), rs.getLong("fee_cents"),
                rs.getString("payment_intent"), rs.getLong("refunded_cents"),
                rs.getTimestamp("created_at").toInstant());
    }

    @Override
    public void insertCheckout(Checkout c) {
        jdbc.update("""
                insert into stripe_checkout (network_id, session_id, membership_id, operator_id, account_id, status,
                    amount_cents, fee_cents, payment_intent, refunded_cents, created_at, updated_at)
                values (:network, :session, :membership, :operator, :account, :status, :amount, :fee, :intent,
                    :refunded, :createdAt, :now)
                on conflict (network_id, session_id) do nothing""",
                params().addValue("session", c.sessionId()).addValue("membership", c.membership().value())
                        .addValue("operator", c.operator().value()).addValue("account", c.accountId())
                        .addValue("status", c.status()).addValue("amount", c.amountCents())
                        .addValue("fee", c.feeCents()).addValue("intent", c.paymentIntent())
                        .addValue("refunded", c.refundedCents()).addValue("createdAt", Timestamp.from(c.createdAt())));
    }

    @Override
    public Optional<Checkout> checkout(String sessionId) {
        return findCheckout(sessionId, "");
    }

    @Override
    public Optional<Checkout> checkoutForUpdate(String sessionId) {
        return findCheckout(sessionId, " for update");
    }

    private Optional<Checkout> findCheckout(String sessionId, String lock) {
        return jdbc.query(CHECKOUT_COLUMNS + " where network_id = :network and session_id = :session" + lock,
                params().addValue("session", sessionId), StripePersistenceAdapter::checkout).stream().findFirst();
    }

    @Override
    public Optional<Checkout> checkoutOfPaymentIntent(String paymentIntent) {
        return jdbc.query(CHECKOUT_COLUMNS + " where network_id = :network and payment_intent = :intent",
                params().addValue("intent", paymentIntent), StripePersistenceAdapter::checkout).stream().findFirst();
    }

    @Override
    public void linkSubscription(String sessionId, String subscription) {
        jdbc.update("""
                update stripe_checkout set subscription_id = :subscription, updated_at = :now
                where network_id = :network and session_id = :session""",
                params().addValue("session", sessionId).addValue("subscription", subscription));
    }

    @Override
    public Optional<Checkout> checkoutOfSubscription(String subscription) {
        return jdbc.query(CHECKOUT_COLUMNS + " where network_id = :network and subscription_id = :subscription",
                params().addValue("subscription", subscription), StripePersistenceAdapter::checkout).stream()
                .findFirst();
    }

    @Override
    public Optional<SubscriptionLink> subscriptionOf(MembershipId firstPeriod) {
        return jdbc.query("""
                select subscription_id, account_id from stripe_checkout
                where network_id = :network and membership_id = :membership and subscription_id is not null
                order by created_at limit 1""", params().addValue("membership", firstPeriod.value()),
                (rs, i) -> new SubscriptionLink(rs.getString(1), rs.getString(2), firstPeriod)).stream().findFirst();
    }

    @Override
    public Optional<SubscriptionStatus> subscription(String subscription) {
        return jdbc.query("""
                select cancel_at_period_end, ended, status_at from stripe_subscription
                where network_id = :network and subscription_id = :subscription""",
                params().addValue("subscription", subscription), (rs, i) -> new SubscriptionStatus(subscription,
                        rs.getBoolean(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant())).stream().findFirst();
    }

    @Override
    public boolean updateSubscription(String subscription, boolean cancelAtPeriodEnd, boolean ended, Instant asOf) {
        return jdbc.update("""
                insert into stripe_subscription (network_id, subscription_id, cancel_at_period_end, ended, status_at,
                    updated_at)
                values (:network, :subscription, :cancel, :ended, :asOf, :now)
                on conflict (network_id, subscription_id) do update set
                    cancel_at_period_end = excluded.cancel_at_period_end, ended = excluded.ended,
                    status_at = greatest(stripe_subscription.status_at, excluded.status_at),
                    updated_at = excluded.updated_at
                where not stripe_subscription.ended
                    and (excluded.ended or stripe_subscription.status_at <= excluded.status_at)""",
                params().addValue("subscription", subscription).addValue("cancel", cancelAtPeriodEnd)
                        .addValue("ended", ended).addValue("asOf", Timestamp.from(asOf))) > 0;
    }

    @Override
    public Optional<MembershipId> renewalOf(MembershipId membership) {
        return jdbc.query("select id from membership where network_id = :network and renewal_of = :membership",
                params().addValue("membership", membership.value()),
                (rs, i) -> new MembershipId(rs.getObject(1, UUID.class))).stream().findFirst();
    }

    @Override
    public void updateCheckout(Checkout c) {
        jdbc.update("""
                update stripe_checkout set status = :status, payment_intent = :intent, refunded_cents = :refunded,
                    updated_at = :now
                where network_id = :network and session_id = :session""",
                params().addValue("session", c.sessionId()).addValue("status", c.status())
                        .addValue("intent", c.paymentIntent()).addValue("refunded", c.refundedCents()));
    }

    @Override
    public boolean markEventApplied(String eventId, String type, @Nullable String account, Instant created) {
        return jdbc.update("""
                insert into stripe_event (network_id, event_id, type, account_id, created, applied_at)
                values (:network, :event, :type, :account, :created, :now)
                on conflict (network_id, event_id) do nothing""",
                params().addValue("event", eventId).addValue("type", type).addValue("account", account)
                        .addValue("created", Timestamp.from(created))) > 0;
    }

    @Override
    public boolean eventApplied(String eventId) {
        return !jdbc.queryForList("select 1 from stripe_event where network_id = :network and event_id = :event",
                params().addValue("event", eventId), Integer.class).isEmpty();
    }

    @Override
    public PlatformFee platformFee() {
        return jdbc.query("select fixed_cents, per_mille from stripe_network_fee where network_id = :network",
                params(), (rs, i) -> new PlatformFee(rs.getLong(1), rs.getInt(2))).stream().findFirst()
                .orElse(PlatformFee.NONE);
    }

    @Override
    public void setPlatformFee(PlatformFee fee) {
        jdbc.update("""
                insert into stripe_network_fee (network_id, fixed_cents, per_mille) values (:network, :fixed, :perMille)
                on conflict (network_id) do update set fixed_cents = excluded.fixed_cents,
                    per_mille = excluded.per_mille""",
                params().addValue("fixed", fee.fixedCents()).addValue("perMille", fee.perMille()));
    }

    @Override
    public boolean removePlatformFee() {
        return jdbc.update("delete from stripe_network_fee where network_id = :network", params()) > 0;
    }
}
