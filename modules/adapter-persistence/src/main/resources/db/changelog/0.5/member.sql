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
