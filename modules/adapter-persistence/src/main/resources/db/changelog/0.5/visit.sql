--liquibase formatted sql

--changeset maillage:0.5-visit
--comment: Visits (passages): a member present in a place from check-in to check-out, the membership that covered
--comment: it and the entries it consumed. One open visit per member at a time.
CREATE TABLE visit (
    network_id        uuid         NOT NULL,
    id                uuid         NOT NULL,
    place_id          uuid         NOT NULL,
    member_id         uuid         NOT NULL,
    membership_id     uuid,
    source            varchar(8)   NOT NULL,
    checked_in_at     timestamptz  NOT NULL,
    checked_in_by     varchar(255) NOT NULL,
    checked_out_at    timestamptz,
    closed_by         varchar(8),
    entries_consumed  integer      NOT NULL DEFAULT 0,
    override_reason   varchar(500),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0,
    CONSTRAINT visit_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT visit_place_fk FOREIGN KEY (network_id, place_id) REFERENCES place (network_id, id),
    CONSTRAINT visit_member_fk FOREIGN KEY (network_id, member_id) REFERENCES member (network_id, id),
    CONSTRAINT visit_membership_fk FOREIGN KEY (network_id, membership_id) REFERENCES membership (network_id, id),
    CONSTRAINT visit_source_known CHECK (source IN ('DESK', 'QR')),
    CONSTRAINT visit_closed_by_known CHECK (closed_by IN ('MEMBER', 'DESK', 'AUTO')),
    CONSTRAINT visit_closed_iff_out CHECK ((checked_out_at IS NULL) = (closed_by IS NULL)),
    CONSTRAINT visit_out_after_in CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at),
    CONSTRAINT visit_entries_range CHECK (entries_consumed >= 0)
);
CREATE UNIQUE INDEX visit_one_open_per_member ON visit (network_id, member_id) WHERE checked_out_at IS NULL;
CREATE INDEX visit_by_place_time ON visit (network_id, place_id, checked_in_at);
CREATE INDEX visit_by_member_time ON visit (network_id, member_id, checked_in_at);
ALTER TABLE visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visit
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON visit TO ${app_role};
--rollback DROP TABLE visit;

--changeset maillage:0.5-usage-entry
--comment: The usage ledger: every entry a visit consumed, valued at the card's unit value (price / entries), with
--comment: the selling operator and the operator of the place; settlements sum it by month and pair of operators.
--comment: Append-only.
CREATE TABLE usage_entry (
    network_id          uuid        NOT NULL,
    id                  uuid        NOT NULL,
    visit_id            uuid        NOT NULL,
    membership_id       uuid        NOT NULL,
    place_id            uuid        NOT NULL,
    seller_operator_id  uuid        NOT NULL,
    place_operator_id   uuid        NOT NULL,
    entries             integer     NOT NULL,
    unit_value_cents    bigint      NOT NULL,
    amount_cents        bigint      NOT NULL,
    used_on             date        NOT NULL,
    month               date        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    CONSTRAINT usage_entry_pkey PRIMARY KEY (network_id, id),
    CONSTRAINT usage_entry_visit_fk FOREIGN KEY (network_id, visit_id) REFERENCES visit (network_id, id),
    CONSTRAINT usage_entry_membership_fk FOREIGN KEY (network_id, membership_id)
        REFERENCES membership (network_id, id),
    CONSTRAINT usage_entry_place_fk FOREIGN KEY (network_id, place_id) REFERENCES place (network_id, id),
    CONSTRAINT usage_entry_seller_fk FOREIGN KEY (network_id, seller_operator_id) REFERENCES operator (network_id, id),
    CONSTRAINT usage_entry_place_operator_fk FOREIGN KEY (network_id, place_operator_id)
        REFERENCES operator (network_id, id),
    CONSTRAINT usage_entry_entries_positive CHECK (entries > 0),
    CONSTRAINT usage_entry_amount CHECK (amount_cents = entries * unit_value_cents),
    CONSTRAINT usage_entry_month_first_day CHECK (extract(day FROM month) = 1)
);
CREATE INDEX usage_entry_by_month ON usage_entry (network_id, month, seller_operator_id, place_operator_id);
ALTER TABLE usage_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON usage_entry
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT ON usage_entry TO ${app_role};
--rollback DROP TABLE usage_entry;

--changeset maillage:0.5-visit-shortfall
--comment: The started blocks a card could not pay for at check-out (it had fewer entries left than the visit used):
--comment: the card is consumed to zero and the rest is recorded here, for the manager to settle with the member.
ALTER TABLE visit ADD COLUMN entries_short integer NOT NULL DEFAULT 0;
ALTER TABLE visit ADD CONSTRAINT visit_entries_short_range CHECK (entries_short >= 0);
--rollback ALTER TABLE visit DROP COLUMN entries_short;

--changeset maillage:0.5-visit-attendance-index
--comment: Attendance (visits per place and day or month of one network) reads only this index: the network's visits
--comment: in a time range, with the place, the member and the check-out (an index-only scan once vacuumed).
CREATE INDEX visit_attendance ON visit (network_id, checked_in_at) INCLUDE (place_id, member_id, checked_out_at);
--rollback DROP INDEX visit_attendance;
