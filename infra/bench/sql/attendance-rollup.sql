-- Builds the prototype roll-up of attendance-rollup.pgbench: schema bench (dropped by attendance.sh at the end),
-- table attendance_month with the product's tenant policy, filled for the months already over of one network.
-- Run as the owner with -v network=... -v zone=...
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
GRANT USAGE ON SCHEMA bench TO :app_role;
CREATE TABLE bench.attendance_month (
    network_id uuid NOT NULL, place_id uuid NOT NULL, month date NOT NULL,
    visits bigint NOT NULL, members bigint NOT NULL, seconds bigint NOT NULL,
    PRIMARY KEY (network_id, month, place_id));
ALTER TABLE bench.attendance_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE bench.attendance_month FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON bench.attendance_month
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT ON bench.attendance_month TO :app_role;
SELECT set_config('app.tenant', :'network', false) \g /dev/null
INSERT INTO bench.attendance_month
SELECT :'network'::uuid, place_id, date_trunc('month', checked_in_at AT TIME ZONE :'zone')::date, count(*),
       count(DISTINCT member_id),
       coalesce(sum(extract(epoch FROM greatest(checked_out_at - checked_in_at, interval '0'))), 0)::bigint
FROM visit
WHERE network_id = :'network' AND checked_in_at < date_trunc('month', now() AT TIME ZONE :'zone') AT TIME ZONE :'zone'
GROUP BY 2, 3;
ANALYZE bench.attendance_month;
