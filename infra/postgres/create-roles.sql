-- Prepares an external PostgreSQL (14 or later) for Maillage. Run once as a superuser, after choosing passwords:
--   psql -v owner_password="'...'" -v app_password="'...'" -f infra/postgres/create-roles.sql
-- Then start Maillage with
--   MAILLAGE_DB_URL=jdbc:postgresql://HOST:5432/maillage
--   MAILLAGE_DB_OWNER_USER=maillage_owner  MAILLAGE_DB_OWNER_PASSWORD=...
--   MAILLAGE_DB_APP_USER=maillage_app      MAILLAGE_DB_APP_PASSWORD=...
-- The owner runs the Liquibase migrations and owns every table; the application connects as maillage_app, which
-- owns nothing and cannot bypass row-level security.
-- The server needs PostgreSQL's contrib extension btree_gist (in Debian's standard server packages): the owner
-- creates it during the migrations (a trusted extension: no superuser needed), for the bookings' exclusion constraint.
-- The changelogs grant table privileges to the application role by name (Liquibase parameter app_role, taken from
-- MAILLAGE_DB_APP_USER): keep that name once the database is migrated, or Liquibase refuses to start (checksums).
CREATE ROLE maillage_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :owner_password;
CREATE ROLE maillage_app   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :app_password;
CREATE DATABASE maillage OWNER maillage_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE maillage FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE maillage TO maillage_app;
