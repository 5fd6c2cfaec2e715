-- Scale generator, phase 5: drop the staging schema, VACUUM (visibility map, for index-only scans) and ANALYZE
-- (planner statistics) the product's tables.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS scale_stage CASCADE;
VACUUM (ANALYZE) network, operator, place, offer, member, membership, visit, usage_entry;
