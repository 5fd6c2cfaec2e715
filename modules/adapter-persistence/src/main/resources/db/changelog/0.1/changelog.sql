--liquibase formatted sql

--changeset maillage:0.1-network
--comment: The tenants. A platform-wide (reference) table: networks are not owned by a tenant, they are the tenants.
CREATE TABLE network (
    id          uuid         NOT NULL,
    slug        varchar(40)  NOT NULL,
    name        varchar(120) NOT NULL,
    territory   text[]       NOT NULL,
    time_zone   varchar(64)  NOT NULL,
    status      varchar(16)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    archived_at timestamptz,
    version     bigint       NOT NULL DEFAULT 0,
    CONSTRAINT network_pkey PRIMARY KEY (id),
    CONSTRAINT network_slug_key UNIQUE (slug),
    CONSTRAINT network_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$' AND length(slug) BETWEEN 3 AND 40
        AND position('--' IN slug) = 0),
    CONSTRAINT network_name_length CHECK (char_length(name) BETWEEN 2 AND 120),
    CONSTRAINT network_territory_size CHECK (cardinality(territory) BETWEEN 1 AND 30),
    CONSTRAINT network_status_known CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    CONSTRAINT network_archived_at_iff_archived CHECK ((status = 'ARCHIVED') = (archived_at IS NOT NULL))
);
-- Networks are archived, never deleted: the application role may not delete them.
GRANT SELECT, INSERT, UPDATE ON network TO ${app_role};
--rollback DROP TABLE network;
