--liquibase formatted sql

--changeset maillage:0.2-network-organization
--comment: Each network has its organization in the identity provider (alias = slug).
ALTER TABLE network ADD COLUMN organization_id varchar(64);
ALTER TABLE network ADD CONSTRAINT network_organization_key UNIQUE (organization_id);
--rollback ALTER TABLE network DROP COLUMN organization_id;

--changeset maillage:0.2-network-role
--comment: Roles of people in a network. Tenant-owned: the tenant column leads every key (distributable by Citus).
CREATE TABLE network_role (
    network_id  uuid         NOT NULL,
    id          uuid         NOT NULL,
    subject     varchar(64)  NOT NULL,
    role        varchar(16)  NOT NULL,
    email       varchar(254) NOT NULL,
    granted_at  timestamptz  NOT NULL,
    granted_by  varchar(64)  NOT NULL,
    CONSTRAINT network_role_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT network_role_unique UNIQUE (network_id, subject, role),
    CONSTRAINT network_role_network_fk FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT network_role_known CHECK (role IN ('ANIMATOR', 'MANAGER', 'MEMBER'))
);
CREATE INDEX network_role_subject ON network_role (network_id, subject);
ALTER TABLE network_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_role FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON network_role
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, DELETE ON network_role TO ${app_role};
--rollback DROP TABLE network_role;

--changeset maillage:0.2-audit-event
--comment: Administrative actions per network: append-only for the application (no UPDATE, no DELETE).
CREATE TABLE audit_event (
    network_id  uuid         NOT NULL,
    id          uuid         NOT NULL,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(64)  NOT NULL,
    action      varchar(64)  NOT NULL,
    target      varchar(200),
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_event_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT audit_event_network_fk FOREIGN KEY (network_id) REFERENCES network (id)
);
CREATE INDEX audit_event_recent ON audit_event (network_id, occurred_at DESC, id DESC);
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON audit_event TO ${app_role};
--rollback DROP TABLE audit_event;
