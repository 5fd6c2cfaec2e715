--liquibase formatted sql

--changeset maillage:0.6-stripe-request
--comment: The idempotency key of every call that creates something at Stripe, stored (and committed) before the first
--comment: attempt and reused by every retry of the same call (purpose + object). status PENDING until Stripe answered.
CREATE TABLE stripe_request (
    network_id       uuid         NOT NULL,
    purpose          varchar(32)  NOT NULL,
    object_id        varchar(64)  NOT NULL,
    idempotency_key  varchar(100) NOT NULL,
    status           varchar(8)   NOT NULL DEFAULT 'PENDING',
    result           varchar(255),
    created_at       timestamptz  NOT NULL,
    done_at          timestamptz,
    CONSTRAINT stripe_request_pkey PRIMARY KEY (network_id, purpose, object_id),
    CONSTRAINT stripe_request_key UNIQUE (network_id, idempotency_key),
    CONSTRAINT stripe_request_status_known CHECK (status IN ('PENDING', 'DONE'))
);
ALTER TABLE stripe_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_request FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_request
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON stripe_request TO ${app_role};
--rollback DROP TABLE stripe_request;

--changeset maillage:0.6-stripe-account
--comment: An operator's connected Stripe account and its state as the last account.updated reported it (status_at:
--comment: the created time of that event; an older event never rolls the state back).
CREATE TABLE stripe_account (
    network_id         uuid         NOT NULL,
    operator_id        uuid         NOT NULL,
    account_id         varchar(64)  NOT NULL,
    charges_enabled    boolean      NOT NULL DEFAULT false,
    payouts_enabled    boolean      NOT NULL DEFAULT false,
    details_submitted  boolean      NOT NULL DEFAULT false,
    requirements       text         NOT NULL DEFAULT '',
    status_at          timestamptz  NOT NULL,
    created_at         timestamptz  NOT NULL,
    CONSTRAINT stripe_account_pkey PRIMARY KEY (network_id, operator_id),
    CONSTRAINT stripe_account_id_key UNIQUE (network_id, account_id),
    CONSTRAINT stripe_account_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id)
);
ALTER TABLE stripe_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_account
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON stripe_account TO ${app_role};
--rollback DROP TABLE stripe_account;

--changeset maillage:0.6-stripe-account-route
--comment: Which network a connected account belongs to: the one lookup made outside any tenant, for a webhook event
--comment: that names only the account. Not tenant-owned (like network; its column is owner_network, not network_id):
--comment: it holds no personal or business data.
CREATE TABLE stripe_account_route (
    account_id     varchar(64) NOT NULL,
    owner_network  uuid        NOT NULL,
    CONSTRAINT stripe_account_route_pkey PRIMARY KEY (account_id),
    CONSTRAINT stripe_account_route_network_fk FOREIGN KEY (owner_network) REFERENCES network (id)
);
GRANT SELECT, INSERT ON stripe_account_route TO ${app_role};
--rollback DROP TABLE stripe_account_route;

--changeset maillage:0.6-stripe-checkout
--comment: A Checkout session opened for a membership on the seller's connected account. status OPEN, PROCESSING (a SEPA
--comment: debit on its way), PAID, FAILED, EXPIRED, UNFULFILLED (paid but the membership no longer takes it).
--comment: subscription_id: the Stripe subscription a session in mode subscription started (its invoices pay the
--comment: next periods, the renewals of the membership).
CREATE TABLE stripe_checkout (
    network_id      uuid         NOT NULL,
    session_id      varchar(255) NOT NULL,
    membership_id   uuid         NOT NULL,
    operator_id     uuid         NOT NULL,
    account_id      varchar(64)  NOT NULL,
    status          varchar(12)  NOT NULL,
    amount_cents    bigint       NOT NULL,
    fee_cents       bigint       NOT NULL DEFAULT 0,
    payment_intent  varchar(255),
    refunded_cents  bigint       NOT NULL DEFAULT 0,
    subscription_id varchar(255),
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT stripe_checkout_pkey PRIMARY KEY (network_id, session_id),
    CONSTRAINT stripe_checkout_membership_fk FOREIGN KEY (network_id, membership_id)
        REFERENCES membership (network_id, id),
    CONSTRAINT stripe_checkout_status_known CHECK (status IN ('OPEN', 'PROCESSING', 'PAID', 'FAILED', 'EXPIRED',
        'UNFULFILLED')),
    CONSTRAINT stripe_checkout_amounts CHECK (amount_cents >= 0 AND fee_cents BETWEEN 0 AND amount_cents
        AND refunded_cents BETWEEN 0 AND amount_cents)
);
CREATE INDEX stripe_checkout_by_payment_intent ON stripe_checkout (network_id, payment_intent);
CREATE INDEX stripe_checkout_by_subscription ON stripe_checkout (network_id, subscription_id);
ALTER TABLE stripe_checkout ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_checkout FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_checkout
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON stripe_checkout TO ${app_role};
--rollback DROP TABLE stripe_checkout;

--changeset maillage:0.6-stripe-event
--comment: The Stripe events applied, each once: inserted in the transaction of its effect (a failure leaves no row,
--comment: so Stripe's redelivery applies it); a concurrent delivery of the same event waits on the key, then skips.
CREATE TABLE stripe_event (
    network_id  uuid         NOT NULL,
    event_id    varchar(255) NOT NULL,
    type        varchar(64)  NOT NULL,
    account_id  varchar(64),
    created     timestamptz  NOT NULL,
    applied_at  timestamptz  NOT NULL,
    CONSTRAINT stripe_event_pkey PRIMARY KEY (network_id, event_id)
);
ALTER TABLE stripe_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_event
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON stripe_event TO ${app_role};
--rollback DROP TABLE stripe_event;

--changeset maillage:0.6-stripe-network-fee
--comment: The platform's fee on the online payments of a network (application_fee_amount of each Checkout session):
--comment: fixed cents plus per mille of the amount. No row: no fee.
CREATE TABLE stripe_network_fee (
    network_id   uuid    NOT NULL,
    fixed_cents  bigint  NOT NULL DEFAULT 0,
    per_mille    integer NOT NULL DEFAULT 0,
    CONSTRAINT stripe_network_fee_pkey PRIMARY KEY (network_id),
    CONSTRAINT stripe_network_fee_network_fk FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT stripe_network_fee_range CHECK (fixed_cents BETWEEN 0 AND 100000 AND per_mille BETWEEN 0 AND 500)
);
ALTER TABLE stripe_network_fee ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_network_fee FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_network_fee
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON stripe_network_fee TO ${app_role};
--rollback DROP TABLE stripe_network_fee;

--changeset maillage:0.6-membership-event-refunded
--comment: A membership's history takes REFUNDED (a refund made at the payment provider; invoicing issues its credit note).
ALTER TABLE membership_event DROP CONSTRAINT membership_event_type_known;
ALTER TABLE membership_event ADD CONSTRAINT membership_event_type_known CHECK (type IN ('SOLD', 'PAYMENT_RECORDED',
    'ACTIVATED', 'CANCELLED', 'EXPIRED', 'RENEWED', 'REFUNDED'));
--rollback ALTER TABLE membership_event DROP CONSTRAINT membership_event_type_known;
--rollback ALTER TABLE membership_event ADD CONSTRAINT membership_event_type_known CHECK (type IN ('SOLD',
--rollback     'PAYMENT_RECORDED', 'ACTIVATED', 'CANCELLED', 'EXPIRED', 'RENEWED'));
