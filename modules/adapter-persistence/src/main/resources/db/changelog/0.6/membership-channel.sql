--liquibase formatted sql

--changeset maillage:0.6-membership-sold-online
--comment: Whether a membership was bought online (through the payment provider's Checkout) rather than sold at the
--comment: desk. An online sale is paid at once or never: it is invoiced when paid, not when sold, and its renewals too.
ALTER TABLE membership ADD COLUMN sold_online boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE membership DROP COLUMN sold_online;

--changeset maillage:0.6-membership-sold-online-backfill splitStatements:false
--comment: Memberships that already have a Checkout session, and their renewals, were sold online. Network by network
--comment: under row-level security (app.tenant set for the transaction), as the other back-fills.
DO $$
DECLARE
    n uuid;
BEGIN
    FOR n IN SELECT id FROM network ORDER BY id LOOP
        PERFORM set_config('app.tenant', n::text, true);
        WITH RECURSIVE online AS (
            SELECT c.membership_id AS id FROM stripe_checkout c WHERE c.network_id = n
            UNION
            SELECT m.id FROM membership m JOIN online o ON m.renewal_of = o.id WHERE m.network_id = n
        )
        UPDATE membership m SET sold_online = true FROM online o WHERE m.network_id = n AND m.id = o.id;
    END LOOP;
    PERFORM set_config('app.tenant', '', true);
END
$$;
--rollback SELECT 1;
