--liquibase formatted sql

--changeset maillage:0.4-network-passes-allowed
--comment: Whether operators may sell offers valid in every place of the network ("pass réseau").
ALTER TABLE network ADD COLUMN network_passes_allowed boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE network DROP COLUMN network_passes_allowed;

--changeset maillage:0.4-offer
--comment: Offers (formules) operators sell. Never deleted: archived. Price VAT included, in cents. Tenant-owned.
CREATE TABLE offer (
    network_id     uuid         NOT NULL,
    id             uuid         NOT NULL,
    operator_id    uuid         NOT NULL,
    name           varchar(120) NOT NULL,
    terms_type     varchar(16)  NOT NULL,
    billing        varchar(8),
    entries        integer,
    entry_minutes  integer,
    validity       varchar(20),
    price_cents    bigint       NOT NULL,
    vat_rate_bp    integer,
    scope_type     varchar(16)  NOT NULL,
    archived       boolean      NOT NULL DEFAULT false,
    sold           boolean      NOT NULL DEFAULT false,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT offer_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT offer_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT offer_terms_type_known CHECK (terms_type IN ('SUBSCRIPTION', 'CARD', 'DAY_PASS')),
    CONSTRAINT offer_billing_iff_subscription CHECK ((terms_type = 'SUBSCRIPTION') = (billing IS NOT NULL)),
    CONSTRAINT offer_card_fields_iff_card CHECK ((terms_type = 'CARD')
        = (entries IS NOT NULL AND entry_minutes IS NOT NULL AND validity IS NOT NULL)),
    CONSTRAINT offer_scope_type_known CHECK (scope_type IN ('OPERATOR_PLACES', 'CHOSEN_PLACES', 'WHOLE_NETWORK')),
    CONSTRAINT offer_price_range CHECK (price_cents BETWEEN 0 AND 100000000),
    CONSTRAINT offer_vat_rate_range CHECK (vat_rate_bp IS NULL OR vat_rate_bp BETWEEN 0 AND 10000)
);
CREATE INDEX offer_by_operator ON offer (network_id, operator_id);
ALTER TABLE offer ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offer
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON offer TO ${app_role};
--rollback DROP TABLE offer;

--changeset maillage:0.4-offer-place
--comment: The places of an offer of scope CHOSEN_PLACES.
CREATE TABLE offer_place (
    network_id  uuid NOT NULL,
    offer_id    uuid NOT NULL,
    place_id    uuid NOT NULL,
    CONSTRAINT offer_place_pkey PRIMARY KEY (network_id, offer_id, place_id),
    CONSTRAINT offer_place_offer_fk FOREIGN KEY (network_id, offer_id) REFERENCES offer (network_id, id),
    CONSTRAINT offer_place_place_fk FOREIGN KEY (network_id, place_id) REFERENCES place (network_id, id)
);
ALTER TABLE offer_place ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer_place FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offer_place
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, DELETE ON offer_place TO ${app_role};
--rollback DROP TABLE offer_place;

--changeset maillage:0.4-resource
--comment: What can be booked in a place (desks, meeting rooms, machines), with optional prices VAT included.
CREATE TABLE resource (
    network_id               uuid         NOT NULL,
    id                       uuid         NOT NULL,
    place_id                 uuid         NOT NULL,
    kind                     varchar(16)  NOT NULL,
    name                     varchar(120) NOT NULL,
    capacity                 integer      NOT NULL,
    price_per_hour_cents     bigint,
    price_per_half_day_cents bigint,
    price_per_day_cents      bigint,
    active                   boolean      NOT NULL DEFAULT true,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL DEFAULT 0,
    CONSTRAINT resource_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT resource_place_fk FOREIGN KEY (network_id, place_id) REFERENCES place (network_id, id),
    CONSTRAINT resource_kind_known CHECK (kind IN ('DESK', 'MEETING_ROOM', 'MACHINE')),
    CONSTRAINT resource_capacity_range CHECK (capacity BETWEEN 1 AND 500),
    CONSTRAINT resource_prices_range CHECK (coalesce(price_per_hour_cents, 0) BETWEEN 0 AND 100000000
        AND coalesce(price_per_half_day_cents, 0) BETWEEN 0 AND 100000000
        AND coalesce(price_per_day_cents, 0) BETWEEN 0 AND 100000000)
);
CREATE INDEX resource_by_place ON resource (network_id, place_id, name);
ALTER TABLE resource ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resource
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON resource TO ${app_role};
--rollback DROP TABLE resource;
