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
