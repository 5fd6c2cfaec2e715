--liquibase formatted sql

--changeset maillage:0.5-member
--comment: Members of a network: profile and consents, linked to an identity (subject) once the person has an account.
CREATE TABLE member (
    network_id         uuid         NOT NULL,
    id                 uuid         NOT NULL,
    subject            varchar(255),
    email              varchar(254) NOT NULL,
    given_name         varchar(100) NOT NULL,
    family_name        varchar(100) NOT NULL,
    phone              varchar(32),
    company            varchar(160),
    address_line1      varchar(120),
    address_line2      varchar(120),
    postal_code        varchar(5),
    town               varchar(120),
    terms_accepted_at  timestamptz,
    newsletter         boolean      NOT NULL DEFAULT false,
    status             varchar(8)   NOT NULL,
    source             varchar(8)   NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    erased_at          timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT member_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT member_subject_key UNIQUE (network_id, subject),
    CONSTRAINT member_email_key UNIQUE (network_id, email),
    CONSTRAINT member_email_lower CHECK (email = lower(email)),
    CONSTRAINT member_status_known CHECK (status IN ('ACTIVE', 'ERASED')),
    CONSTRAINT member_source_known CHECK (source IN ('SIGN_UP', 'MANAGER', 'IMPORT')),
    CONSTRAINT member_erased_iff_status CHECK ((status = 'ERASED') = (erased_at IS NOT NULL)),
    CONSTRAINT member_address_whole CHECK ((address_line1 IS NULL) = (postal_code IS NULL)
        AND (address_line1 IS NULL) = (town IS NULL))
);
CREATE INDEX member_by_name ON member (network_id, lower(family_name), lower(given_name));
ALTER TABLE member ENABLE ROW LEVEL SECURITY;
ALTER TABLE member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON member TO ${app_role};
--rollback DROP TABLE member;

--changeset maillage:0.5-member-import
--comment: Imports of member lists (CSV), run as jobs: their state and counts, updated by the worker in short
--comment: transactions of their own (so that progress is visible from every instance), while the members themselves are
--comment: written in one transaction. heartbeat_at is renewed while a worker runs the job: an unfinished job whose
--comment: heartbeat is older than the timeout was interrupted and is marked FAILED. The file itself is never stored.
CREATE TABLE member_import (
    network_id      uuid         NOT NULL,
    id              uuid         NOT NULL,
    status          varchar(10)  NOT NULL,
    dry_run         boolean      NOT NULL,
    total_rows      integer      NOT NULL,
    processed_rows  integer      NOT NULL DEFAULT 0,
    imported_rows   integer      NOT NULL DEFAULT 0,
    skipped_rows    integer      NOT NULL DEFAULT 0,
    error_count     integer      NOT NULL DEFAULT 0,
    failure         varchar(64),
    encoding        varchar(16)  NOT NULL,
    separator       varchar(1)   NOT NULL,
    ignored_columns text[]       NOT NULL DEFAULT '{}',
    requested_by    varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    heartbeat_at    timestamptz  NOT NULL,
    finished_at     timestamptz,
    CONSTRAINT member_import_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT member_import_network_fk FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT member_import_status_known CHECK (status IN ('QUEUED', 'VALIDATING', 'IMPORTING', 'SUCCEEDED',
        'FAILED')),
    CONSTRAINT member_import_counts CHECK (total_rows >= 0 AND processed_rows BETWEEN 0 AND total_rows
        AND imported_rows >= 0 AND skipped_rows >= 0 AND imported_rows + skipped_rows <= total_rows
        AND error_count >= 0),
    CONSTRAINT member_import_finished_iff CHECK ((status IN ('SUCCEEDED', 'FAILED')) = (finished_at IS NOT NULL)),
    CONSTRAINT member_import_failure_iff CHECK ((status = 'FAILED') = (failure IS NOT NULL))
);
CREATE INDEX member_import_unfinished ON member_import (network_id, heartbeat_at)
    WHERE status IN ('QUEUED', 'VALIDATING', 'IMPORTING');
ALTER TABLE member_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_import
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON member_import TO ${app_role};
--rollback DROP TABLE member_import;

--changeset maillage:0.5-member-import-issue
--comment: What an import says of the rows of its file: errors (line, column as the file names it, field, message code
--comment: and arguments, never the cell's value) and rows skipped because the email is already a member's. At most
--comment: maillage.members.import.max-issues per import (the count of errors is on member_import).
CREATE TABLE member_import_issue (
    network_id   uuid         NOT NULL,
    import_id    uuid         NOT NULL,
    position     integer      NOT NULL,
    line         integer      NOT NULL,
    column_name  varchar(100),
    field        varchar(32),
    code         varchar(100) NOT NULL,
    arguments    text[]       NOT NULL DEFAULT '{}',
    skipped      boolean      NOT NULL,
    CONSTRAINT member_import_issue_pkey PRIMARY KEY (network_id, import_id, position),
    CONSTRAINT member_import_issue_import_fk FOREIGN KEY (network_id, import_id)
        REFERENCES member_import (network_id, id),
    CONSTRAINT member_import_issue_line_positive CHECK (line >= 1)
);
ALTER TABLE member_import_issue ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_import_issue FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_import_issue
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON member_import_issue TO ${app_role};
--rollback DROP TABLE member_import_issue;
