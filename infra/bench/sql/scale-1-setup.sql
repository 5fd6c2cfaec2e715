-- Scale generator, phase 1: networks, operators, places (opening hours as the application stores them) and offers.
-- Sizes are skewed (Zipf, exponent 0.8): a few big networks, many small ones; every network has at least 3 places.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT setseed(:seed) \g /dev/null

CREATE UNLOGGED TABLE scale_stage.network AS
WITH r AS (
    SELECT g AS rank, power(g, -0.8) AS w FROM scale_stage.param, generate_series(1, networks) g
), s AS (
    SELECT rank, sum(w) OVER (ORDER BY rank) / sum(w) OVER () AS cum, w / sum(w) OVER () AS share FROM r
), p AS (
    SELECT s.rank, 3 + round((places - 3 * networks) * cum)::int
                     - round((places - 3 * networks) * (cum - share))::int AS places
    FROM s, scale_stage.param
), m AS (
    SELECT p.rank, p.places, sum(p.places) OVER (ORDER BY rank) AS cum_places FROM p
), z AS (
    SELECT m.*, CASE WHEN rank % 40 = 7 THEN 'Indian/Reunion' WHEN rank % 40 = 27 THEN 'America/Martinique'
                     ELSE 'Europe/Paris' END AS time_zone,
           (ARRAY['26', '05', '07', '48', '04', '12', '15', '19', '23', '46', '43', '09', '32', '40', '58', '89', '52',
                  '55', '88', '29'])[1 + rank % 20] AS d1,
           (ARRAY['26', '05', '07', '48', '04', '12', '15', '19', '23', '46', '43', '09', '32', '40', '58', '89', '52',
                  '55', '88', '29'])[1 + (rank + 5) % 20] AS d2
    FROM m
)
SELECT rank, z.places,
       (round(members::numeric * cum_places / param.places) - round(members::numeric * (cum_places - z.places) / param.places))::int
           AS members,
       greatest(1, round(z.places / 3.0))::int AS operators,
       time_zone,
       CASE time_zone WHEN 'Indian/Reunion' THEN ARRAY['974'] WHEN 'America/Martinique' THEN ARRAY['972']
            ELSE CASE WHEN rank % 3 = 0 THEN ARRAY[d1, d2] ELSE ARRAY[d1] END END AS territory,
       (param.first_day - 700 + rank)::timestamp AT TIME ZONE 'UTC' + interval '9 hours' AS created_at,
       rank % 4 = 0 AS passes_allowed
FROM z, scale_stage.param;
ALTER TABLE scale_stage.network ADD COLUMN id uuid, ADD COLUMN slug text;
UPDATE scale_stage.network SET id = uuidv7(created_at - now()), slug = 'scale-' || lpad(rank::text, 3, '0');

-- Operators: about one per three places. SIREN with a valid Luhn key; most are liable to VAT.
CREATE UNLOGGED TABLE scale_stage.operator AS
SELECT n.id AS network_id, n.rank, k AS ord, uuidv7(n.created_at + k * interval '1 minute' - now()) AS id,
       (ARRAY['Association', 'SCIC', 'Communauté de communes', 'SAS', 'Commune'])[1 + k % 5] || ' '
           || (ARRAY['Les Tisserands', 'La Grange', 'Le Moulin', 'La Fabrique', 'L’Atelier', 'La Gare', 'Le Lavoir',
                     'La Serre', 'Les Tuves', 'La Locomotive'])[1 + (k * 7 + n.rank) % 10] || ' ' || k AS legal_name,
       10000000 + (n.rank * 100003 + k * 7919) % 89999999 AS siren_base,
       k || ' place de la Mairie' AS address_line1,
       n.territory[1] AS departement,
       CASE WHEN k % 10 < 7 THEN 'LIABLE' WHEN k % 10 < 9 THEN 'FRANCHISE' ELSE 'EXEMPT' END AS vat_regime,
       n.created_at + k * interval '1 minute' AS created_at
FROM scale_stage.network n, generate_series(1, n.operators) k;
ALTER TABLE scale_stage.operator ADD COLUMN siren text;
UPDATE scale_stage.operator o SET siren = siren_base::text || (
    SELECT (10 - sum(CASE WHEN i % 2 = 0 THEN 2 * dg - CASE WHEN 2 * dg > 9 THEN 9 ELSE 0 END ELSE dg END) % 10) % 10
    FROM (SELECT i, substr(o.siren_base::text, i, 1)::int AS dg FROM generate_series(1, 8) i) x)::text;
CREATE INDEX ON scale_stage.operator (network_id, ord);

-- Places: consecutive blocks per operator; template (hours, kinds, services) by share; capacity skewed to small.
CREATE UNLOGGED TABLE scale_stage.place AS
SELECT n.id AS network_id, n.rank, k AS ord, n.time_zone,
       uuidv7(n.created_at + interval '1 day' + k * interval '1 minute' - now()) AS id,
       1 + floor((k - 1) * n.operators / n.places::numeric)::int AS operator_ord,
       (SELECT template FROM scale_stage.template WHERE u_t >= share_from AND u_t < share_to) AS template,
       5 + floor(75 * power(random(), 2.5))::int AS capacity,
       CASE WHEN u_s < 0.95 THEN 'OPEN' WHEN u_s < 0.97 THEN 'CLOSED' ELSE 'PROJECT' END AS status,
       n.territory[1] AS departement,
       n.created_at + interval '1 day' + k * interval '1 minute' AS created_at
FROM scale_stage.network n, generate_series(1, n.places) k,
     LATERAL (SELECT random() AS u_t, random() AS u_s, k AS kk) u;
ALTER TABLE scale_stage.place ADD COLUMN operator_id uuid, ADD COLUMN insee text, ADD COLUMN postal_code text,
    ADD COLUMN latitude double precision, ADD COLUMN longitude double precision,
    ADD COLUMN weight_lo double precision, ADD COLUMN weight_hi double precision,
    ADD COLUMN op_open_ord int, ADD COLUMN op_open_count int, ADD COLUMN net_open_ord int, ADD COLUMN net_open_count int;
UPDATE scale_stage.place p SET operator_id = o.id,
    insee = CASE WHEN p.departement LIKE '97_' THEN p.departement || lpad((1 + (p.ord * 13) % 24)::text, 2, '0')
                 ELSE p.departement || lpad((1 + (p.ord * 37 + p.rank) % 400)::text, 3, '0') END,
    postal_code = CASE WHEN p.departement LIKE '97_' THEN p.departement || lpad(((p.ord % 9) * 10)::text, 2, '0')
                       ELSE p.departement || lpad(((p.ord % 9) * 100 + 10 * (p.ord % 10))::text, 3, '0') END,
    latitude = CASE p.departement WHEN '974' THEN -21.35 + random() * 0.35 WHEN '972' THEN 14.45 + random() * 0.35
                   ELSE 43.2 + random() * 5.5 END,
    longitude = CASE p.departement WHEN '974' THEN 55.25 + random() * 0.45 WHEN '972' THEN -61.2 + random() * 0.35
                    ELSE -0.8 + random() * 7.0 END
FROM scale_stage.operator o WHERE o.network_id = p.network_id AND o.ord = p.operator_ord;
-- Popularity of open places (members choose a home place in proportion to its capacity), and their ordinals per
-- operator and per network (to draw "another place of the same operator / network").
UPDATE scale_stage.place p SET weight_lo = w.lo, weight_hi = w.hi, op_open_ord = w.op_ord, op_open_count = w.op_count,
    net_open_ord = w.net_ord, net_open_count = w.net_count
FROM (SELECT id, network_id,
             (sum(capacity) OVER (PARTITION BY network_id ORDER BY ord) - capacity)::float8
                 / sum(capacity) OVER (PARTITION BY network_id) AS lo,
             sum(capacity) OVER (PARTITION BY network_id ORDER BY ord)::float8
                 / sum(capacity) OVER (PARTITION BY network_id) AS hi,
             row_number() OVER (PARTITION BY network_id, operator_id ORDER BY ord) AS op_ord,
             count(*) OVER (PARTITION BY network_id, operator_id) AS op_count,
             row_number() OVER (PARTITION BY network_id ORDER BY ord) AS net_ord,
             count(*) OVER (PARTITION BY network_id) AS net_count
      FROM scale_stage.place WHERE status = 'OPEN') w
WHERE w.id = p.id AND w.network_id = p.network_id;
CREATE INDEX ON scale_stage.place (network_id, ord);
CREATE INDEX ON scale_stage.place (network_id, operator_id, op_open_ord);
CREATE INDEX ON scale_stage.place (network_id, net_open_ord);
ANALYZE scale_stage.place;

-- Offers of each operator: a card of 10 entries (3 or 4 hours), a monthly subscription, for some a yearly one, a day
-- pass; in networks that allow them, the first operator sells a network pass (card valid in every place).
CREATE UNLOGGED TABLE scale_stage.offer AS
SELECT o.network_id, o.id AS operator_id, o.ord AS operator_ord, x.code, x.name, x.terms_type, x.billing, x.entries,
       x.entry_minutes, x.validity, x.price_cents,
       CASE WHEN o.vat_regime = 'LIABLE' THEN 2000 END AS vat_rate_bp, x.scope_type,
       o.created_at + interval '2 days' AS created_at,
       uuidv7(o.created_at + interval '2 days' + x.n * interval '1 second' - now()) AS id
FROM scale_stage.operator o
JOIN scale_stage.network n ON n.id = o.network_id,
LATERAL (VALUES
    (1, 'CARD', 'Carte 10 entrées', 'CARD', null, 10, CASE WHEN o.ord % 2 = 0 THEN 240 ELSE 180 END, 'P1Y',
        5000 + 500 * (o.ord % 9), 'OPERATOR_PLACES'),
    (2, 'MONTHLY', 'Abonnement mensuel', 'SUBSCRIPTION', 'MONTHLY', null, null, null, 9000 + 1000 * (o.ord % 10),
        'OPERATOR_PLACES'),
    (3, 'YEARLY', 'Adhésion à l’année', 'SUBSCRIPTION', 'YEARLY', null, null, null, 30000 + 3000 * (o.ord % 10),
        'OPERATOR_PLACES'),
    (4, 'DAY', 'Journée', 'DAY_PASS', null, null, null, null, 800 + 100 * (o.ord % 8), 'OPERATOR_PLACES'),
    (5, 'PASS', 'Pass réseau 10 entrées', 'CARD', null, 10, 240, 'P1Y', 10000, 'WHOLE_NETWORK')
) AS x(n, code, name, terms_type, billing, entries, entry_minutes, validity, price_cents, scope_type)
WHERE (x.code <> 'YEARLY' OR o.ord % 3 = 0) AND (x.code <> 'PASS' OR (o.ord = 1 AND n.passes_allowed));
CREATE INDEX ON scale_stage.offer (network_id, operator_id, code);
ANALYZE scale_stage.offer;

-- Load. network is the tenants' (platform) table: no row-level security.
INSERT INTO network (id, slug, name, territory, time_zone, status, created_at, updated_at, organization_id,
                     network_passes_allowed)
SELECT id, slug, 'Réseau de mesure n° ' || rank, territory, time_zone, 'ACTIVE', created_at, created_at, null,
       passes_allowed
FROM scale_stage.network ORDER BY rank;

