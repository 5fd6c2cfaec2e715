--liquibase formatted sql

-- (changesets of issue 5: booking)

--changeset maillage:0.5-booking-btree-gist
--comment: btree_gist lets one GiST index compare uuids (=) and time ranges (&&): the exclusion constraint of booking.
--comment: A trusted extension: the owner of the database may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--rollback DROP EXTENSION IF EXISTS btree_gist;

--changeset maillage:0.5-resource-place-key
--comment: A resource and its place as one key, so that a booking's place is its resource's place (booking_resource_fk).
ALTER TABLE resource ADD CONSTRAINT resource_place_key UNIQUE (network_id, id, place_id);
--rollback ALTER TABLE resource DROP CONSTRAINT resource_place_key;

--changeset maillage:0.5-booking
--comment: Bookings of resources: a member holds a resource for the half-open range [starts_at, ends_at). The range is
--comment: also the generated column period (tstzrange '[)'), on which the database itself forbids two confirmed
--comment: bookings of one resource to overlap (booking_no_overlap); adjacent ranges do not overlap. Cancelled bookings
--comment: are kept and hold nothing. See docs/adr/0009-bookings-exclusion-constraint.md.
CREATE TABLE booking (
    network_id     uuid         NOT NULL,
    id             uuid         NOT NULL,
    resource_id    uuid         NOT NULL,
    place_id       uuid         NOT NULL,
    member_id      uuid         NOT NULL,
    starts_at      timestamptz  NOT NULL,
    ends_at        timestamptz  NOT NULL,
    period         tstzrange    NOT NULL GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    status         varchar(9)   NOT NULL,
    booked_by      varchar(255) NOT NULL,
    note           varchar(500),
    cancelled_at   timestamptz,
    cancelled_by   varchar(255),
    cancel_reason  varchar(500),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT booking_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT booking_resource_fk FOREIGN KEY (network_id, resource_id, place_id)
        REFERENCES resource (network_id, id, place_id),
    CONSTRAINT booking_place_fk FOREIGN KEY (network_id, place_id) REFERENCES place (network_id, id),
    CONSTRAINT booking_member_fk FOREIGN KEY (network_id, member_id) REFERENCES member (network_id, id),
    CONSTRAINT booking_status_known CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    CONSTRAINT booking_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT booking_cancelled_iff_status CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancelled_by IS NULL)),
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (network_id WITH =, resource_id WITH =, period WITH &&)
        WHERE (status = 'CONFIRMED')
);
CREATE INDEX booking_by_member ON booking (network_id, member_id, starts_at);
CREATE INDEX booking_by_resource ON booking (network_id, resource_id, starts_at);
ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON booking
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON booking TO ${app_role};
--rollback DROP TABLE booking;

--changeset maillage:0.5-booking-feed
--comment: A member's private calendar feed of their bookings: only the SHA-256 of its secret address is kept; rotating
--comment: it replaces the hash, and the old address stops working.
CREATE TABLE booking_feed (
    network_id  uuid        NOT NULL,
    member_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT booking_feed_pkey PRIMARY KEY (network_id, member_id),
    CONSTRAINT booking_feed_token_key UNIQUE (network_id, token_hash),
    CONSTRAINT booking_feed_member_fk FOREIGN KEY (network_id, member_id) REFERENCES member (network_id, id),
    CONSTRAINT booking_feed_hash_length CHECK (octet_length(token_hash) = 32)
);
ALTER TABLE booking_feed ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking_feed FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON booking_feed
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON booking_feed TO ${app_role};
--rollback DROP TABLE booking_feed;
