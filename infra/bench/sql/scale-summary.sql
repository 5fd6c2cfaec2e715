-- What a Maillage database holds, counted under row-level security the way the application sees it (network by
-- network, app.tenant set), with the size of each table and of the whole database. Run as the owner.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TEMP TABLE scale_count (relation text, rows bigint) ON COMMIT PRESERVE ROWS;
DO $$
DECLARE n record; t text; c bigint;
BEGIN
    FOREACH t IN ARRAY ARRAY['operator', 'place', 'offer', 'member', 'membership', 'visit', 'usage_entry'] LOOP
        INSERT INTO scale_count VALUES (t, 0);
    END LOOP;
    FOR n IN SELECT id FROM network LOOP
        PERFORM set_config('app.tenant', n.id::text, false);
        FOREACH t IN ARRAY ARRAY['operator', 'place', 'offer', 'member', 'membership', 'visit', 'usage_entry'] LOOP
            EXECUTE format('SELECT count(*) FROM %I', t) INTO c;
            UPDATE scale_count SET rows = rows + c WHERE relation = t;
        END LOOP;
    END LOOP;
    PERFORM set_config('app.tenant', '', false);
END $$;
\pset footer off
SELECT 'network' AS "table", (SELECT count(*) FROM network) AS "rows",
       pg_size_pretty(pg_total_relation_size('network')) AS "size with indexes"
UNION ALL
SELECT relation, rows, pg_size_pretty(pg_total_relation_size(relation::regclass)) FROM scale_count
UNION ALL
SELECT 'database ' || current_database(), null, pg_size_pretty(pg_database_size(current_database()));
