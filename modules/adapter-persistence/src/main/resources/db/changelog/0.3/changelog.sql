--liquibase formatted sql

--changeset maillage:0.3-operator
--comment: Legal entities that run places and sell. Tenant-owned.
CREATE TABLE operator (
    network_id       uuid         NOT NULL,
    id               uuid         NOT NULL,
    legal_name       varchar(200) NOT NULL,
    siren            varchar(14)  NOT NULL,
    address_line1    varchar(120) NOT NULL,
    address_line2    varchar(120),
    postal_code      varchar(5)   NOT NULL,
    town             varchar(120) NOT NULL,
    vat_regime       varchar(16)  NOT NULL,
    vat_rates        integer[]    NOT NULL DEFAULT '{}',
    vat_legal_basis  varchar(200),
    invoice_prefix   varchar(10)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT operator_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT operator_invoice_prefix_key UNIQUE (network_id, invoice_prefix),
    CONSTRAINT operator_network_fk FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT operator_vat_regime_known CHECK (vat_regime IN ('LIABLE', 'FRANCHISE', 'EXEMPT')),
    CONSTRAINT operator_vat_rates_iff_liable CHECK ((vat_regime = 'LIABLE') = (cardinality(vat_rates) > 0)),
    CONSTRAINT operator_siren_digits CHECK (siren ~ '^([0-9]{9}|[0-9]{14})$')
);
ALTER TABLE operator ENABLE ROW LEVEL SECURITY;
ALTER TABLE operator FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON operator
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON operator TO ${app_role};
--rollback DROP TABLE operator;

--changeset maillage:0.3-manager-operator
--comment: Which operators a manager runs (managers manage only their operators' places and offers).
CREATE TABLE manager_operator (
    network_id  uuid        NOT NULL,
    subject     varchar(64) NOT NULL,
    operator_id uuid        NOT NULL,
    CONSTRAINT manager_operator_pkey PRIMARY KEY (network_id, subject, operator_id),
    CONSTRAINT manager_operator_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id)
);
ALTER TABLE manager_operator ENABLE ROW LEVEL SECURITY;
ALTER TABLE manager_operator FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON manager_operator
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, DELETE ON manager_operator TO ${app_role};
--rollback DROP TABLE manager_operator;

--changeset maillage:0.3-place
--comment: Tiers-lieux. Opening hours as JSON (weekly, exceptions, closedOnPublicHolidays) in the network's zone.
CREATE TABLE place (
    network_id          uuid          NOT NULL,
    id                  uuid          NOT NULL,
    operator_id         uuid          NOT NULL,
    slug                varchar(60)   NOT NULL,
    name                varchar(120)  NOT NULL,
    kinds               text[]        NOT NULL,
    address_line1       varchar(120)  NOT NULL,
    address_line2       varchar(120),
    postal_code         varchar(5)    NOT NULL,
    town                varchar(120)  NOT NULL,
    commune             varchar(120)  NOT NULL,
    insee_code          varchar(5)    NOT NULL,
    departement         varchar(3)    NOT NULL,
    latitude            double precision NOT NULL,
    longitude           double precision NOT NULL,
    capacity            integer       NOT NULL,
    services            text[]        NOT NULL DEFAULT '{}',
    services_note       text,
    step_free_access    boolean       NOT NULL DEFAULT false,
    accessible_toilets  boolean       NOT NULL DEFAULT false,
    accessibility_note  text,
    status              varchar(16)   NOT NULL,
    description_fr      text,
    description_en      text,
    opening_hours       jsonb         NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT place_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT place_slug_key UNIQUE (network_id, slug),
    CONSTRAINT place_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT place_status_known CHECK (status IN ('PROJECT', 'OPEN', 'CLOSED')),
    CONSTRAINT place_capacity_range CHECK (capacity BETWEEN 1 AND 2000),
    CONSTRAINT place_coordinates_range CHECK (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)
);
CREATE INDEX place_open_by_name ON place (network_id, status, name);
ALTER TABLE place ENABLE ROW LEVEL SECURITY;
ALTER TABLE place FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON place
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON place TO ${app_role};
--rollback DROP TABLE place;
