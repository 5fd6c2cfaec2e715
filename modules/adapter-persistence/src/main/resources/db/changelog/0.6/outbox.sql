--liquibase formatted sql

--changeset maillage:0.6-outbox
--comment: The transactional outbox: mails written by a business transaction (in it, so only if it commits) and sent
--comment: later by the relay (MailRelay). The relay serves every network but reads this table like any use case:
--comment: one tenant transaction per network (app.tenant set), so RLS stays forced and no role bypasses it. Rows are
--comment: claimed with SELECT ... FOR UPDATE SKIP LOCKED and stay locked while the mail is sent: two app instances
--comment: never send the same mail. Values and recipient are personal data: erased with the member (GDPR), never
--comment: logged; last_error is cleaned of addresses.
CREATE TABLE outbox_mail (
    network_id       uuid          NOT NULL,
    id               uuid          NOT NULL,
    recipient_email  varchar(320)  NOT NULL,
    recipient_name   varchar(200),
    language         varchar(2)    NOT NULL,
    template_code    varchar(60)   NOT NULL,
    mail_values      jsonb         NOT NULL,
    attachments      jsonb         NOT NULL,
    dedup_key        varchar(200),
    status           varchar(8)    NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    last_error       varchar(500),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    sent_at          timestamptz,
    CONSTRAINT outbox_mail_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT outbox_mail_dedup_key UNIQUE (network_id, dedup_key),
    CONSTRAINT outbox_mail_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT outbox_mail_language_known CHECK (language IN ('fr', 'en')),
    CONSTRAINT outbox_mail_attempts_range CHECK (attempts >= 0),
    CONSTRAINT outbox_mail_sent_iff_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT outbox_mail_values_object CHECK (jsonb_typeof(mail_values) = 'object'),
    CONSTRAINT outbox_mail_attachments_array CHECK (jsonb_typeof(attachments) = 'array')
);
-- The relay's query: the due mails of a network, oldest first.
CREATE INDEX outbox_mail_due ON outbox_mail (network_id, next_attempt_at) WHERE status = 'PENDING';
-- The operations view: counts by status, the last failures.
CREATE INDEX outbox_mail_by_status ON outbox_mail (network_id, status, updated_at);
ALTER TABLE outbox_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_mail FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_mail
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
-- Sent mails are purged (DELETE) after a while by the relay; FAILED ones are put back to PENDING by an operator.
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_mail TO ${app_role};
--rollback DROP TABLE outbox_mail;
