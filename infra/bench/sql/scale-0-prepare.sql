-- Scale generator, phase 0: parameters, calendar and opening-hours templates, in the staging schema scale_stage
-- (unlogged tables, no row-level security: they are the generator's scratch space, dropped at the end).
-- Variables (psql -v): networks, places, members, visits, seed.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS scale_stage CASCADE;
CREATE SCHEMA scale_stage;
SELECT setseed(:seed) \g /dev/null

-- The generated history covers the last 730 days, up to yesterday (UTC dates; close enough for every zone used).
CREATE UNLOGGED TABLE scale_stage.param AS
SELECT :networks::int AS networks, :places::int AS places, :members::int AS members, :visits::bigint AS visits,
       current_date - 730 AS first_day, current_date - 1 AS last_day;

-- Days around the window (cards bought before it stay valid in it; validity ends after it).
CREATE UNLOGGED TABLE scale_stage.day AS
SELECT d::date AS day, extract(isodow FROM d)::int AS isodow
FROM scale_stage.param, generate_series(first_day - 420, current_date + 420, interval '1 day') AS d;

-- The eleven public holidays of metropolitan France (what fr.maillage.domain.hours.FrenchPublicHolidays knows):
-- Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
CREATE UNLOGGED TABLE scale_stage.holiday AS
WITH y AS (
    SELECT generate_series(extract(year FROM min(day))::int, extract(year FROM max(day))::int) AS y
    FROM scale_stage.day
), s1 AS (
    SELECT y, y % 19 AS a, y / 100 AS b, y % 100 AS c FROM y
), s2 AS (
    SELECT y, a, b, c, b / 4 AS d, b % 4 AS e, (b - (b + 8) / 25 + 1) / 3 AS g, c / 4 AS i, c % 4 AS k FROM s1
), s3 AS (
    SELECT y, a, e, i, k, (19 * a + b - d - g + 15) % 30 AS h FROM s2
), s4 AS (
    SELECT y, a, h, (32 + 2 * e + 2 * i - h - k) % 7 AS l FROM s3
), easter AS (
    SELECT y, make_date(y, n / 31, n % 31 + 1) AS sunday
    FROM (SELECT y, h + l - 7 * ((a + 11 * h + 22 * l) / 451) + 114 AS n FROM s4) s5
)
SELECT d AS day FROM easter, LATERAL (VALUES
    (make_date(y, 1, 1)), (sunday + 1), (make_date(y, 5, 1)), (make_date(y, 5, 8)), (sunday + 39), (sunday + 50),
    (make_date(y, 7, 14)), (make_date(y, 8, 15)), (make_date(y, 11, 1)), (make_date(y, 11, 11)),
    (make_date(y, 12, 25))) AS h(d);

-- Opening-hours templates: share of places, kinds and services, public holidays, yearly closures.
CREATE UNLOGGED TABLE scale_stage.template (
    template int PRIMARY KEY, label text, share_from numeric, share_to numeric, closed_on_holidays boolean,
    closures boolean, kinds text[], services text[]);
INSERT INTO scale_stage.template VALUES
    (1, 'bureau',          0.00, 0.30, true,  false, '{COWORKING}',
        '{COFFEE,FIBRE,MEETING_ROOM,PRINTER,WIFI}'),
    (2, 'coupure',         0.30, 0.55, true,  true,  '{COWORKING,TELECENTRE}',
        '{COFFEE,KITCHEN,PARKING,PRINTER,WIFI}'),
    (3, 'telecentre',      0.55, 0.75, true,  true,  '{FRANCE_SERVICES,PUBLIC_DIGITAL_SPACE,TELECENTRE}',
        '{DIGITAL_HELP,PRINTER,PUBLIC_COMPUTERS,SCANNER,WIFI}'),
    (4, 'fablab',          0.75, 0.90, true,  false, '{FAB_LAB}',
        '{ELECTRONICS_BENCH,LASER_CUTTER,THREE_D_PRINTER,WIFI,WOODWORKING}'),
    (5, 'grand-coworking', 0.90, 1.00, false, false, '{COWORKING,FAB_LAB}',
        '{COFFEE,FIBRE,KITCHEN,LOCKERS,MEETING_ROOM,PHONE_BOOTH,PRINTER,VIDEOCONFERENCE,WIFI}');

-- Weekly ranges of each template (minutes since midnight, local time of the network).
CREATE UNLOGGED TABLE scale_stage.trange (template int, isodow int, idx int, open_min int, close_min int);
INSERT INTO scale_stage.trange
SELECT 1, d, 1, 9 * 60, 18 * 60 FROM generate_series(1, 5) d
UNION ALL SELECT 2, d, 1, 8 * 60 + 30, 12 * 60 + 30 FROM generate_series(1, 5) d
UNION ALL SELECT 2, d, 2, 13 * 60 + 30, 18 * 60 + 30 FROM generate_series(1, 5) d
UNION ALL SELECT 3, d, 1, 9 * 60, 17 * 60 FROM unnest(ARRAY[1, 2, 4]) d
UNION ALL SELECT 3, 5, 1, 9 * 60, 12 * 60
UNION ALL SELECT 4, 2, 1, 14 * 60, 19 * 60
UNION ALL SELECT 4, 3, 1, 10 * 60, 19 * 60
UNION ALL SELECT 4, 4, 1, 14 * 60, 22 * 60
UNION ALL SELECT 4, 5, 1, 14 * 60, 19 * 60
UNION ALL SELECT 4, 6, 1, 10 * 60, 17 * 60
UNION ALL SELECT 5, d, 1, 8 * 60, 20 * 60 FROM generate_series(1, 5) d
UNION ALL SELECT 5, 6, 1, 9 * 60, 13 * 60;
CREATE UNLOGGED TABLE scale_stage.tdow AS
SELECT template, isodow, count(*)::int AS ranges FROM scale_stage.trange GROUP BY 1, 2;

-- Yearly closures (exceptions of type CLOSED) of the templates that have them: three weeks in August, Christmas.
CREATE UNLOGGED TABLE scale_stage.tclosure AS
SELECT t.template, c.from_day, c.to_day, c.label
FROM scale_stage.template t,
     generate_series((SELECT extract(year FROM min(day))::int FROM scale_stage.day),
                     (SELECT extract(year FROM max(day))::int FROM scale_stage.day)) AS y,
     LATERAL (VALUES (make_date(y, 8, 4), make_date(y, 8, 22), 'Fermeture estivale'),
                     (make_date(y, 12, 24), make_date(y + 1, 1, 1), 'Fêtes de fin d’année')) AS c(from_day, to_day, label)
WHERE t.closures;

-- The JSON the application stores (OpeningHoursCommand.of): the seven days, Monday first, exceptions, holidays.
ALTER TABLE scale_stage.template ADD COLUMN hours jsonb;
UPDATE scale_stage.template t SET hours = jsonb_build_object(
    'weekly', (SELECT jsonb_object_agg(dn.name, coalesce((
                   SELECT jsonb_agg(to_char(make_time(r.open_min / 60, r.open_min % 60, 0), 'HH24:MI') || '-'
                                    || to_char(make_time(r.close_min / 60, r.close_min % 60, 0), 'HH24:MI')
                                    ORDER BY r.idx)
                   FROM scale_stage.trange r WHERE r.template = t.template AND r.isodow = dn.isodow), '[]'::jsonb))
               FROM (VALUES (1, 'MONDAY'), (2, 'TUESDAY'), (3, 'WEDNESDAY'), (4, 'THURSDAY'), (5, 'FRIDAY'),
                            (6, 'SATURDAY'), (7, 'SUNDAY')) AS dn(isodow, name)),
    'exceptions', coalesce((SELECT jsonb_agg(jsonb_build_object('type', 'CLOSED', 'from', c.from_day::text,
                                'to', c.to_day::text, 'date', null, 'hours', null, 'label', c.label)
                                ORDER BY c.from_day)
                            FROM scale_stage.tclosure c WHERE c.template = t.template), '[]'::jsonb),
    'closedOnPublicHolidays', t.closed_on_holidays);

-- Every calendar day of every template with its weight as "tickets" (0 when closed): weekday, month (summer and
-- Christmas are quiet) and a slow growth over the two years. A visit's day is drawn by ticket, so that it always
-- falls on a day the place is open, with these proportions. t_before: the tickets of the days before.
CREATE UNLOGGED TABLE scale_stage.tday AS
SELECT template, day, isodow, tickets, (sum(tickets) OVER w - tickets)::int AS t_before
FROM (
    SELECT t.template, d.day, d.isodow,
           CASE WHEN EXISTS (SELECT 1 FROM scale_stage.trange r WHERE r.template = t.template AND r.isodow = d.isodow)
                     AND NOT (t.closed_on_holidays AND EXISTS (SELECT 1 FROM scale_stage.holiday h WHERE h.day = d.day))
                     AND NOT EXISTS (SELECT 1 FROM scale_stage.tclosure c
                                     WHERE c.template = t.template AND d.day BETWEEN c.from_day AND c.to_day)
                THEN round(100 * (ARRAY[1.0, 1.15, 1.05, 1.15, 0.85, 0.5, 0.3])[d.isodow]
                               * (ARRAY[0.95, 1.0, 1.05, 1.0, 0.9, 1.0, 0.75, 0.5, 1.1, 1.1, 1.05, 0.8])
                                 [extract(month FROM d.day)::int]
                               * (0.85 + 0.3 * least(1.5, greatest(0, (d.day - p.first_day) / 730.0)))::numeric)::int
                ELSE 0 END AS tickets
    FROM scale_stage.template t CROSS JOIN scale_stage.day d CROSS JOIN scale_stage.param p
) x
WINDOW w AS (PARTITION BY template ORDER BY day);
CREATE UNIQUE INDEX ON scale_stage.tday (template, day);

CREATE UNLOGGED TABLE scale_stage.ticket AS
SELECT template, t_before + g AS ticket, day, isodow
FROM scale_stage.tday, generate_series(0, tickets - 1) AS g
WHERE tickets > 0;
CREATE UNIQUE INDEX ON scale_stage.ticket (template, ticket);
ANALYZE scale_stage.tday;
ANALYZE scale_stage.ticket;
ANALYZE scale_stage.template;
ANALYZE scale_stage.trange;
ANALYZE scale_stage.tdow;
ANALYZE scale_stage.holiday;
ANALYZE scale_stage.tclosure;
