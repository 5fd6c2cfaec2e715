--liquibase formatted sql

--changeset maillage:0.6-invoice-refund
--comment: Money given back to a member, attached to the credit note it goes with: what the accounting exports show as
--comment: a payment out (FEC: customer account debited, bank or cash credited). Append-only like invoice_payment.
CREATE TABLE invoice_refund (
    network_id      uuid          NOT NULL,
    id              uuid          NOT NULL,
    credit_note_id  uuid          NOT NULL,
    method          varchar(8)    NOT NULL,
    reference       varchar(300),
    amount_cents    bigint        NOT NULL,
    refunded_on     date          NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    CONSTRAINT invoice_refund_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT invoice_refund_credit_note_fk FOREIGN KEY (network_id, credit_note_id)
        REFERENCES invoice (network_id, id),
    CONSTRAINT invoice_refund_once UNIQUE (network_id, credit_note_id),
    CONSTRAINT invoice_refund_amount CHECK (amount_cents > 0),
    CONSTRAINT invoice_refund_method_known CHECK (method IN ('CASH', 'CHEQUE', 'TRANSFER', 'ONLINE'))
);
CREATE INDEX invoice_refund_by_time ON invoice_refund (network_id, refunded_on);
ALTER TABLE invoice_refund ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_refund FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_refund
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON invoice_refund TO ${app_role};
CREATE TRIGGER invoice_refund_immutable BEFORE UPDATE OR DELETE ON invoice_refund
    FOR EACH ROW EXECUTE FUNCTION invoice_refuse_change();
CREATE TRIGGER invoice_refund_no_truncate BEFORE TRUNCATE ON invoice_refund
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_refuse_change();
--rollback DROP TABLE invoice_refund;
