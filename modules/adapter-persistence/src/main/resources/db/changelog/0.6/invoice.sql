--liquibase formatted sql

--changeset maillage:0.6-invoice-series
--comment: The last number given in each operator's series of a year (invoices and credit notes share it). Numbers
--comment: are taken by INSERT ... ON CONFLICT DO UPDATE ... RETURNING in the transaction that inserts the document:
--comment: the row stays locked until it commits, and a rollback gives the number back. No sequence (they leave gaps).
CREATE TABLE invoice_series (
    network_id   uuid     NOT NULL,
    operator_id  uuid     NOT NULL,
    year         integer  NOT NULL,
    last_number  bigint   NOT NULL,
    CONSTRAINT invoice_series_pkey PRIMARY KEY (network_id, operator_id, year),
    CONSTRAINT invoice_series_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT invoice_series_positive CHECK (last_number > 0)
);
ALTER TABLE invoice_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_series FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_series
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON invoice_series TO ${app_role};
--rollback DROP TABLE invoice_series;

--changeset maillage:0.6-invoice-chain
--comment: The head of each operator's hash chain: the position and hash of its last document. Locked first by the
--comment: issuing transaction (one issuer per operator at a time), updated with the new document in that transaction.
CREATE TABLE invoice_chain (
    network_id     uuid      NOT NULL,
    operator_id    uuid      NOT NULL,
    last_position  bigint    NOT NULL,
    last_hash      char(64)  NOT NULL,
    CONSTRAINT invoice_chain_pkey PRIMARY KEY (network_id, operator_id),
    CONSTRAINT invoice_chain_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT invoice_chain_position CHECK (last_position >= 0)
);
ALTER TABLE invoice_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_chain FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_chain
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON invoice_chain TO ${app_role};
--rollback DROP TABLE invoice_chain;

--changeset maillage:0.6-invoice
--comment: Issued invoices and credit notes, as printed: seller and buyer copied at issue, totals in cents, mentions,
--comment: the hash chain (chain_position, previous_hash, hash). Never updated nor deleted (triggers below, and the
--comment: application role has neither privilege). Settlement lives in invoice_payment.
CREATE TABLE invoice (
    network_id            uuid          NOT NULL,
    id                    uuid          NOT NULL,
    operator_id           uuid          NOT NULL,
    kind                  varchar(12)   NOT NULL,
    prefix                varchar(10)   NOT NULL,
    year                  integer       NOT NULL,
    sequence              bigint        NOT NULL,
    number                varchar(32)   NOT NULL,
    issued_at             timestamptz   NOT NULL,
    issue_date            date          NOT NULL,
    service_from          date          NOT NULL,
    service_until         date          NOT NULL,
    due_date              date          NOT NULL,
    seller_legal_name     varchar(200)  NOT NULL,
    seller_siren          varchar(14)   NOT NULL,
    seller_line1          varchar(120)  NOT NULL,
    seller_line2          varchar(120),
    seller_postal_code    varchar(5)    NOT NULL,
    seller_town           varchar(120)  NOT NULL,
    buyer_name            varchar(300)  NOT NULL,
    buyer_company         varchar(300),
    buyer_line1           varchar(120),
    buyer_line2           varchar(120),
    buyer_postal_code     varchar(5),
    buyer_town            varchar(120),
    member_id             uuid          NOT NULL,
    membership_id         uuid,
    net_cents             bigint        NOT NULL,
    vat_cents             bigint        NOT NULL,
    gross_cents           bigint        NOT NULL,
    vat_mention           varchar(300)  NOT NULL,
    payment_terms         varchar(300)  NOT NULL,
    late_payment_mention  varchar(500)  NOT NULL,
    credits_invoice_id    uuid,
    credits_number        varchar(32),
    reason                varchar(500),
    chain_position        bigint        NOT NULL,
    previous_hash         char(64)      NOT NULL,
    hash                  char(64)      NOT NULL,
    CONSTRAINT invoice_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT invoice_number_key UNIQUE (network_id, operator_id, year, sequence),
    CONSTRAINT invoice_chain_position_key UNIQUE (network_id, operator_id, chain_position),
    CONSTRAINT invoice_operator_fk FOREIGN KEY (network_id, operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT invoice_member_fk FOREIGN KEY (network_id, member_id) REFERENCES member (network_id, id),
    CONSTRAINT invoice_membership_fk FOREIGN KEY (network_id, membership_id) REFERENCES membership (network_id, id),
    CONSTRAINT invoice_credits_fk FOREIGN KEY (network_id, credits_invoice_id) REFERENCES invoice (network_id, id),
    CONSTRAINT invoice_kind_known CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    CONSTRAINT invoice_credit_note_references CHECK ((kind = 'CREDIT_NOTE') = (credits_invoice_id IS NOT NULL)),
    CONSTRAINT invoice_sequence_positive CHECK (sequence > 0 AND chain_position > 0),
    CONSTRAINT invoice_totals CHECK (net_cents >= 0 AND vat_cents >= 0 AND net_cents + vat_cents = gross_cents),
    CONSTRAINT invoice_number_format CHECK (number = prefix || '-' || lpad(year::text, 4, '0') || '-'
        || lpad(sequence::text, greatest(6, length(sequence::text)), '0'))
);
CREATE INDEX invoice_by_operator ON invoice (network_id, operator_id, issued_at);
CREATE INDEX invoice_by_member ON invoice (network_id, member_id, issued_at);
CREATE INDEX invoice_by_membership ON invoice (network_id, membership_id);
ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON invoice TO ${app_role};
--rollback DROP TABLE invoice;

--changeset maillage:0.6-invoice-line
--comment: The lines of a document, as printed; vat_rate_bp is null without VAT (franchise, exemption).
CREATE TABLE invoice_line (
    network_id           uuid          NOT NULL,
    invoice_id           uuid          NOT NULL,
    position             integer       NOT NULL,
    description          varchar(300)  NOT NULL,
    quantity             integer       NOT NULL,
    unit_incl_vat_cents  bigint        NOT NULL,
    unit_excl_vat_cents  bigint        NOT NULL,
    vat_rate_bp          integer,
    net_cents            bigint        NOT NULL,
    gross_cents          bigint        NOT NULL,
    CONSTRAINT invoice_line_pkey PRIMARY KEY (network_id, invoice_id, position),
    CONSTRAINT invoice_line_invoice_fk FOREIGN KEY (network_id, invoice_id) REFERENCES invoice (network_id, id),
    CONSTRAINT invoice_line_amounts CHECK (quantity > 0 AND net_cents >= 0 AND gross_cents >= net_cents)
);
ALTER TABLE invoice_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_line
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON invoice_line TO ${app_role};
--rollback DROP TABLE invoice_line;

--changeset maillage:0.6-invoice-payment
--comment: Settlement of invoices: which payment (table payment) paid how much of which invoice. Append-only; an
--comment: invoice is settled when its allocations reach its total. Kept apart from the invoice, which never changes.
CREATE TABLE invoice_payment (
    network_id    uuid         NOT NULL,
    id            uuid         NOT NULL,
    invoice_id    uuid         NOT NULL,
    payment_id    uuid         NOT NULL,
    amount_cents  bigint       NOT NULL,
    method        varchar(8)   NOT NULL,
    received_on   date         NOT NULL,
    recorded_at   timestamptz  NOT NULL,
    CONSTRAINT invoice_payment_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT invoice_payment_once UNIQUE (network_id, payment_id, invoice_id),
    CONSTRAINT invoice_payment_invoice_fk FOREIGN KEY (network_id, invoice_id) REFERENCES invoice (network_id, id),
    CONSTRAINT invoice_payment_payment_fk FOREIGN KEY (network_id, payment_id) REFERENCES payment (network_id, id),
    CONSTRAINT invoice_payment_amount CHECK (amount_cents > 0)
);
CREATE INDEX invoice_payment_by_invoice ON invoice_payment (network_id, invoice_id);
CREATE INDEX invoice_payment_by_time ON invoice_payment (network_id, received_on);
ALTER TABLE invoice_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_payment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_payment
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON invoice_payment TO ${app_role};
--rollback DROP TABLE invoice_payment;

--changeset maillage:0.6-invoice-immutable splitStatements:false
--comment: Issued documents, their lines and their settlements are never changed nor deleted, whoever asks (the
--comment: schema owner too): UPDATE, DELETE and TRUNCATE raise an error. A correction is a credit note.
CREATE FUNCTION invoice_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'issued invoices are never changed nor deleted (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER invoice_immutable BEFORE UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_refuse_change();
CREATE TRIGGER invoice_no_truncate BEFORE TRUNCATE ON invoice
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_refuse_change();
CREATE TRIGGER invoice_line_immutable BEFORE UPDATE OR DELETE ON invoice_line
    FOR EACH ROW EXECUTE FUNCTION invoice_refuse_change();
CREATE TRIGGER invoice_line_no_truncate BEFORE TRUNCATE ON invoice_line
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_refuse_change();
CREATE TRIGGER invoice_payment_immutable BEFORE UPDATE OR DELETE ON invoice_payment
    FOR EACH ROW EXECUTE FUNCTION invoice_refuse_change();
CREATE TRIGGER invoice_payment_no_truncate BEFORE TRUNCATE ON invoice_payment
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_refuse_change();
--rollback DROP TRIGGER invoice_payment_no_truncate ON invoice_payment; DROP TRIGGER invoice_payment_immutable ON invoice_payment; DROP TRIGGER invoice_line_no_truncate ON invoice_line; DROP TRIGGER invoice_line_immutable ON invoice_line; DROP TRIGGER invoice_no_truncate ON invoice; DROP TRIGGER invoice_immutable ON invoice; DROP FUNCTION invoice_refuse_change();
