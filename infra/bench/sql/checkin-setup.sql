-- Check-in benchmark set-up, in the demo network "baronnies" (its demo manager runs La Serre's operator, CCSB):
-- a place open day and night every day ("Banc d’essai des passages"), a card offer of 500 entries, and :members
-- members (ids md5('bench-member-' || i)), each with an active card of that offer (ids md5('bench-card-' || i)),
-- refilled at every run; open visits left by an earlier run are closed. Rerunnable. Run as the owner; prints
-- network, place, operator and entry value (cents) on one line.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT id AS network FROM network WHERE slug = 'baronnies' \gset
SELECT set_config('app.tenant', :'network', false) \g /dev/null
SELECT id AS operator FROM operator WHERE network_id = :'network' AND invoice_prefix = 'CCSB' \gset

INSERT INTO place (network_id, id, operator_id, slug, name, kinds, address_line1, postal_code, town, commune,
                   insee_code, departement, latitude, longitude, capacity, services, status, description_fr,
                   opening_hours, created_at, updated_at)
SELECT network_id, md5('bench-place')::uuid, operator_id, 'banc-d-essai', 'Banc d’essai des passages', kinds,
       address_line1, postal_code, town, commune, insee_code, departement, latitude, longitude, 2000, services,
       'OPEN', 'Un lieu ouvert jour et nuit, pour mesurer les passages.',
       jsonb_build_object('weekly', jsonb_build_object('MONDAY', '["00:00-24:00"]'::jsonb,
           'TUESDAY', '["00:00-24:00"]'::jsonb, 'WEDNESDAY', '["00:00-24:00"]'::jsonb,
           'THURSDAY', '["00:00-24:00"]'::jsonb, 'FRIDAY', '["00:00-24:00"]'::jsonb,
           'SATURDAY', '["00:00-24:00"]'::jsonb, 'SUNDAY', '["00:00-24:00"]'::jsonb),
           'exceptions', '[]'::jsonb, 'closedOnPublicHolidays', false),
       now(), now()
FROM place WHERE network_id = :'network' AND operator_id = :'operator' ORDER BY created_at LIMIT 1
ON CONFLICT DO NOTHING;

INSERT INTO offer (network_id, id, operator_id, name, terms_type, entries, entry_minutes, validity, price_cents,
                   vat_rate_bp, scope_type, archived, sold, created_at, updated_at)
VALUES (:'network', md5('bench-offer')::uuid, :'operator', 'Carte de mesure 500 entrées', 'CARD', 500, 180, 'P1Y',
        250000, null, 'OPERATOR_PLACES', true, true, now(), now())
ON CONFLICT DO NOTHING;

INSERT INTO member (network_id, id, email, given_name, family_name, status, source, created_at, updated_at)
SELECT :'network', md5('bench-member-' || i)::uuid, 'banc.' || i || '@mesure.test', 'Banc', 'Mesure ' || i,
       'ACTIVE', 'MANAGER', now(), now()
FROM generate_series(1, :members) i
ON CONFLICT DO NOTHING;

INSERT INTO membership (network_id, id, member_id, offer_id, operator_id, kind, status, offer_name, price_cents,
                        vat_rate_bp, scope_type, entries_total, entries_remaining, entry_minutes, validity, valid_from,
                        valid_until, amount_paid_cents, sold_at, sold_by, activated_at, created_at, updated_at)
SELECT :'network', md5('bench-card-' || i)::uuid, md5('bench-member-' || i)::uuid, md5('bench-offer')::uuid,
       :'operator', 'CARD', 'ACTIVE', 'Carte de mesure 500 entrées', 250000, null, 'OPERATOR_PLACES', 500, 500, 180,
       'P1Y', current_date - 1, current_date + 364, 250000, now(), 'bench', now(), now(), now()
FROM generate_series(1, :members) i
ON CONFLICT DO NOTHING;

UPDATE visit SET checked_out_at = now(), closed_by = 'DESK', updated_at = now(), version = version + 1
WHERE network_id = :'network' AND place_id = md5('bench-place')::uuid AND checked_out_at IS NULL;
UPDATE membership SET entries_remaining = 500, status = 'ACTIVE', valid_from = current_date - 1,
       valid_until = current_date + 364, updated_at = now(), version = version + 1
WHERE network_id = :'network' AND offer_id = md5('bench-offer')::uuid;
ANALYZE member;
ANALYZE membership;

SELECT :'network', md5('bench-place')::uuid, :'operator', 500 AS entry_value_cents;
