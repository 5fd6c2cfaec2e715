--liquibase formatted sql

--changeset maillage:0.5-membership
--comment: A member's holding of an offer, with a copy of what was sold (name, price, VAT, terms, scope) so that later
--comment: changes to the offer never change what a member bought. Tenant-owned.
CREATE TABLE membership (
    network_id         uuid         NOT NULL,
    id                 uuid         NOT NULL,
    member_id          uuid         NOT NULL,
    offer_id           uuid         NOT NULL,
    operator_id        uuid         NOT NULL,
    kind               varchar(16)  NOT NULL,
    status             varchar(16)  NOT NULL,
    offer_name         varchar(120) NOT NULL,
    price_cents        bigint       NOT NULL,
    vat_rate_bp        integer,
    scope_type         varchar(16)  NOT NULL,
    billing            varchar(8),
    entries_total      integer,
    entries_remaining  integer,
    entry_minutes      integer,
    validity           varchar(20),
    valid_from         date,
    valid_until        date,
    amount_paid_cents  bigint       NOT NULL DEFAULT 0,
    renewal_of         uuid,
    auto_renew         boolean      NOT NULL DEFAULT false,
    sold_at            timestamptz  NOT NULL,
    sold_by            varchar(255) NOT NULL,
    activated_at       timestamptz,
    ended_at           timestamptz,
    cancel_reason      varchar(500),
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT membership_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT membership_member_fk FOREIGN KEY (network_id, member_id) REFERENCES member (network_id, id),
    CONSTRAINT membership_offer_fk FOREIGN KEY (network_id, offer_id) REFERENCES offer (network_id, id),
    CONSTRAINT membership_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT membership_renewal_fk FOREIGN KEY (network_id, renewal_of) REFERENCES membership (network_id, id),
    CONSTRAINT membership_kind_known CHECK (kind IN ('SUBSCRIPTION', 'CARD', 'DAY_PASS')),
    CONSTRAINT membership_status_known CHECK (status IN ('PENDING_PAYMENT', 'ACTIVE', 'EXPIRED', 'CANCELLED')),
    CONSTRAINT membership_scope_type_known CHECK (scope_type IN ('OPERATOR_PLACES', 'CHOSEN_PLACES', 'WHOLE_NETWORK')),
    CONSTRAINT membership_billing_iff_subscription CHECK ((kind = 'SUBSCRIPTION') = (billing IS NOT NULL)),
    CONSTRAINT membership_card_fields_iff_card CHECK ((kind = 'CARD') = (entries_total IS NOT NULL
        AND entries_remaining IS NOT NULL AND entry_minutes IS NOT NULL AND validity IS NOT NULL)),
    CONSTRAINT membership_entries_never_negative CHECK (entries_remaining BETWEEN 0 AND entries_total),
    CONSTRAINT membership_price_range CHECK (price_cents BETWEEN 0 AND 100000000),
    CONSTRAINT membership_paid_range CHECK (amount_paid_cents >= 0),
    CONSTRAINT membership_validity_once_active CHECK (status IN ('PENDING_PAYMENT', 'CANCELLED')
        OR (valid_from IS NOT NULL AND valid_until IS NOT NULL AND activated_at IS NOT NULL)),
    CONSTRAINT membership_valid_range CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX membership_by_member ON membership (network_id, member_id, status);
CREATE INDEX membership_by_operator ON membership (network_id, operator_id, sold_at);
ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON membership TO ${app_role};
--rollback DROP TABLE membership;

--changeset maillage:0.5-membership-place
--comment: The places a membership of scope CHOSEN_PLACES covers, as sold.
CREATE TABLE membership_place (
    network_id     uuid NOT NULL,
    membership_id  uuid NOT NULL,
    place_id       uuid NOT NULL,
    CONSTRAINT membership_place_pkey PRIMARY KEY (network_id, membership_id, place_id),
    CONSTRAINT membership_place_membership_fk FOREIGN KEY (network_id, membership_id)
        REFERENCES membership (network_id, id),
    CONSTRAINT membership_place_place_fk FOREIGN KEY (network_id, place_id) REFERENCES place (network_id, id)
);
ALTER TABLE membership_place ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_place FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership_place
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON membership_place TO ${app_role};
--rollback DROP TABLE membership_place;

--changeset maillage:0.5-membership-renewal
--comment: Subscriptions count their periods from the first day of the first one (period_anchor, kept by renewals so
--comment: that a subscription anchored on the 31st comes back to the 31st); a membership has at most one renewal.
ALTER TABLE membership ADD COLUMN period_anchor date;
ALTER TABLE membership ADD CONSTRAINT membership_anchor_only_subscription
    CHECK (period_anchor IS NULL OR kind = 'SUBSCRIPTION');
ALTER TABLE membership ADD CONSTRAINT membership_auto_renew_only_subscription
    CHECK (NOT auto_renew OR kind = 'SUBSCRIPTION');
ALTER TABLE membership ADD CONSTRAINT membership_paid_at_most_price CHECK (amount_paid_cents <= price_cents);
ALTER TABLE membership ADD CONSTRAINT membership_cancel_reason_iff_cancelled
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL));
CREATE UNIQUE INDEX membership_one_renewal ON membership (network_id, renewal_of) WHERE renewal_of IS NOT NULL;
CREATE INDEX membership_due_to_expire ON membership (network_id, valid_until) WHERE status = 'ACTIVE';
--rollback DROP INDEX membership_due_to_expire; DROP INDEX membership_one_renewal;
--rollback ALTER TABLE membership DROP CONSTRAINT membership_cancel_reason_iff_cancelled;
--rollback ALTER TABLE membership DROP CONSTRAINT membership_paid_at_most_price;
--rollback ALTER TABLE membership DROP CONSTRAINT membership_auto_renew_only_subscription;
--rollback ALTER TABLE membership DROP CONSTRAINT membership_anchor_only_subscription;
--rollback ALTER TABLE membership DROP COLUMN period_anchor;

--changeset maillage:0.5-payment
--comment: Money received for a membership: offline (CASH, CHEQUE, TRANSFER, recorded by a manager) or ONLINE (confirmed
--comment: by the payment provider). Append-only. idempotency_key (the client's key, or the provider's payment id) is
--comment: unique per network: a payment confirmed twice is stored once.
CREATE TABLE payment (
    network_id       uuid         NOT NULL,
    id               uuid         NOT NULL,
    membership_id    uuid         NOT NULL,
    method           varchar(8)   NOT NULL,
    amount_cents     bigint       NOT NULL,
    reference        varchar(100),
    received_on      date         NOT NULL,
    recorded_at      timestamptz  NOT NULL,
    recorded_by      varchar(255) NOT NULL,
    idempotency_key  varchar(100),
    CONSTRAINT payment_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT payment_membership_fk FOREIGN KEY (network_id, membership_id) REFERENCES membership (network_id, id),
    CONSTRAINT payment_idempotency_key UNIQUE (network_id, idempotency_key),
    CONSTRAINT payment_method_known CHECK (method IN ('CASH', 'CHEQUE', 'TRANSFER', 'ONLINE')),
    CONSTRAINT payment_amount_range CHECK (amount_cents BETWEEN 1 AND 100000000),
    CONSTRAINT payment_transfer_has_reference CHECK (method <> 'TRANSFER' OR reference IS NOT NULL)
);
CREATE INDEX payment_by_membership ON payment (network_id, membership_id, recorded_at);
ALTER TABLE payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON payment TO ${app_role};
--rollback DROP TABLE payment;

--changeset maillage:0.5-membership-event
--comment: The history of memberships, append-only, numbered per membership (position 1, 2, ...): sold, payment
--comment: recorded, activated, cancelled, expired, renewed. Written with each transition, in its transaction: the
--comment: outbox from which later modules (invoices, mails) can follow memberships in order.
CREATE TABLE membership_event (
    network_id     uuid         NOT NULL,
    id             uuid         NOT NULL,
    membership_id  uuid         NOT NULL,
    position       integer      NOT NULL,
    type           varchar(24)  NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    recorded_at    timestamptz  NOT NULL,
    actor          varchar(255) NOT NULL,
    details        jsonb        NOT NULL,
    CONSTRAINT membership_event_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT membership_event_position_key UNIQUE (network_id, membership_id, position),
    CONSTRAINT membership_event_membership_fk FOREIGN KEY (network_id, membership_id)
        REFERENCES membership (network_id, id),
    CONSTRAINT membership_event_position_positive CHECK (position > 0),
    CONSTRAINT membership_event_type_known CHECK (type IN ('SOLD', 'PAYMENT_RECORDED', 'ACTIVATED', 'CANCELLED',
        'EXPIRED', 'RENEWED'))
);
CREATE INDEX membership_event_by_time ON membership_event (network_id, recorded_at, id);
ALTER TABLE membership_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON membership_event
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON membership_event TO ${app_role};
--rollback DROP TABLE membership_event;
