-- Scale generator, phase 2: members. Each has a home place (drawn in proportion to capacity among the open places of
-- the network), a profile (subscriber 30 %, card holder 45 %, occasional visitor with day passes 25 %), a visit
-- frequency and the day they joined.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT setseed(:seed) \g /dev/null

CREATE UNLOGGED TABLE scale_stage.member AS
WITH g AS (
    SELECT n.id AS network_id, n.rank, n.time_zone, k AS ord, random() AS u_home, random() AS u_profile,
           random() AS u_freq, random() AS u_start, random() AS u_subject, random() AS u_misc,
           1 + floor(random() * 40)::int AS gn, 1 + floor(random() * 40)::int AS fn
    FROM scale_stage.network n, generate_series(1, n.members) k
)
SELECT g.network_id, g.rank, g.ord, g.time_zone, p.id AS home_place_id, p.operator_id AS home_operator_id,
       CASE WHEN u_profile < 0.30 THEN 'SUB' WHEN u_profile < 0.75 THEN 'CARD' ELSE 'DAY' END AS profile,
       -- visits per week while holding a subscription or a card
       CASE WHEN u_profile < 0.30 THEN 1.0 + 2.5 * power(u_freq, 1.5) ELSE 0.4 + 2.0 * power(u_freq, 2) END AS freq,
       prm.first_day - 400 + floor(u_start * (prm.last_day - prm.first_day + 386))::int AS start_day,
       u_subject < 0.6 AS has_account, u_misc, gn, fn
FROM g
CROSS JOIN scale_stage.param prm
JOIN scale_stage.place p ON p.network_id = g.network_id AND p.status = 'OPEN'
                        AND g.u_home >= p.weight_lo AND g.u_home < p.weight_hi;
ALTER TABLE scale_stage.member ADD COLUMN created_at timestamptz, ADD COLUMN id uuid, ADD COLUMN erased boolean,
    ADD COLUMN subject text;
UPDATE scale_stage.member
SET erased = u_misc > 0.997,
    subject = CASE WHEN has_account AND u_misc <= 0.997 THEN gen_random_uuid()::text END,
    created_at = ((start_day - floor(u_misc * 20)::int)::timestamp + interval '10 hours' + ord * interval '1 second')
                 AT TIME ZONE time_zone;
UPDATE scale_stage.member SET id = uuidv7(created_at - now());
CREATE UNIQUE INDEX ON scale_stage.member (network_id, ord);
ANALYZE scale_stage.member;

