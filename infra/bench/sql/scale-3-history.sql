-- Scale generator, phase 3 (staging only): memberships and the visits they cover.
--  * subscribers: consecutive periods of a monthly (or yearly) subscription of their home place's operator, each
--    renewing the previous one, visits at the member's frequency during each period;
--  * card holders: successive cards of 10 entries (their operator's, or the network pass where the network allows
--    them), each used until its entries run out (a visit takes one entry per started block of the card's entry
--    duration; the visit that would overdraw the card takes what is left);
--  * occasional visitors: day passes, one visit each;
--  * a few cards waiting for payment, or cancelled, without visits.
-- Visits fall on days the place is open (weekday, public holidays, yearly closures, weighted by weekday and month),
-- inside an opening range, in the network's time zone; at most one visit per member and day; 85-90 % at the home
-- place, the others at another place of the same operator (or of the network, for a network pass). The total is
-- then trimmed to exactly :visits by dropping random subscription visits.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET work_mem = '256MB';
SELECT setseed(:seed) \g /dev/null

CREATE UNLOGGED TABLE scale_stage.ms (
    network_id uuid, member_ord int, member_id uuid, time_zone text, kind text, seq int, id uuid,
    offer_id uuid, operator_id uuid, operator_ord int, offer_name text, price_cents bigint, vat_rate_bp int,
    scope_type text, billing text, entries_total int, entry_minutes int, validity text,
    valid_from date, valid_until date, range_from date, range_to date, n_cand int, status text);

-- Subscriptions: one row per period.
INSERT INTO scale_stage.ms
SELECT m.network_id, m.ord, m.id, m.time_zone, 'SUB', i, null, o.id, o.operator_id, o.operator_ord, o.name,
       o.price_cents, o.vat_rate_bp, o.scope_type, o.billing, null, null, null,
       v.valid_from, v.valid_until, greatest(v.valid_from, p.first_day), least(v.valid_until, p.last_day),
       greatest(0, round(m.freq * ((least(v.valid_until, p.last_day) - greatest(v.valid_from, p.first_day)) + 1) / 7.0))::int,
       CASE WHEN v.valid_until >= current_date THEN 'ACTIVE' ELSE 'EXPIRED' END
FROM scale_stage.member m
CROSS JOIN scale_stage.param p
JOIN LATERAL (
    SELECT o.* FROM scale_stage.offer o
    WHERE o.network_id = m.network_id AND o.operator_id = m.home_operator_id AND o.code IN ('MONTHLY', 'YEARLY')
    ORDER BY (o.code = 'YEARLY' AND m.u_misc < 0.3) DESC, o.code LIMIT 1) o ON true
CROSS JOIN LATERAL (SELECT CASE WHEN o.billing = 'YEARLY' THEN 1 + (random() < 0.4)::int
                                ELSE 1 + floor(-ln(1 - random()) * 6)::int END AS periods) c
CROSS JOIN LATERAL generate_series(0, c.periods - 1) AS i
CROSS JOIN LATERAL (
    SELECT (m.start_day + CASE WHEN o.billing = 'YEARLY' THEN make_interval(years => i)
                               ELSE make_interval(months => i) END)::date AS valid_from,
           (m.start_day + CASE WHEN o.billing = 'YEARLY' THEN make_interval(years => i + 1)
                               ELSE make_interval(months => i + 1) END)::date - 1 AS valid_until) v
WHERE m.profile = 'SUB' AND v.valid_from <= p.last_day;

-- Cards: card k covers a span of about ten visits at the member's frequency; bought the day before the span.
INSERT INTO scale_stage.ms
SELECT m.network_id, m.ord, m.id, m.time_zone, 'CARD', k, null, o.id, o.operator_id, o.operator_ord, o.name,
       o.price_cents, o.vat_rate_bp, o.scope_type, null, o.entries, o.entry_minutes, o.validity,
       v.valid_from, (v.valid_from + interval '1 year')::date - 1,
       greatest(v.valid_from + 1, p.first_day), least(v.valid_from + s.span, p.last_day), o.entries, null
FROM scale_stage.member m
CROSS JOIN scale_stage.param p
JOIN LATERAL (
    SELECT o.* FROM scale_stage.offer o
    WHERE o.network_id = m.network_id
      AND ((o.code = 'CARD' AND o.operator_id = m.home_operator_id) OR o.code = 'PASS')
    ORDER BY (o.code = 'PASS' AND m.u_misc < 0.15) DESC, o.code = 'CARD' DESC LIMIT 1) o ON true
CROSS JOIN LATERAL (SELECT 1 + floor(-ln(1 - random()) * 1.2)::int AS cards,
                           least(330, ceil(10 * 7 / m.freq))::int AS span) s
CROSS JOIN LATERAL generate_series(0, s.cards - 1) AS k
CROSS JOIN LATERAL (SELECT m.start_day - 1 + k * s.span AS valid_from) v
WHERE m.profile = 'CARD' AND v.valid_from < p.last_day;

-- Day passes: the visit's day is drawn below; the pass is valid that day.
INSERT INTO scale_stage.ms
SELECT m.network_id, m.ord, m.id, m.time_zone, 'DAY', j, null, o.id, o.operator_id, o.operator_ord, o.name,
       o.price_cents, o.vat_rate_bp, o.scope_type, null, null, null, null,
       null, null, greatest(m.start_day, p.first_day), p.last_day, 1, 'EXPIRED'
FROM scale_stage.member m
CROSS JOIN scale_stage.param p
JOIN scale_stage.offer o ON o.network_id = m.network_id AND o.operator_id = m.home_operator_id AND o.code = 'DAY'
CROSS JOIN LATERAL generate_series(1, 1 + floor(-ln(1 - random()) * 1.5 + 0 * m.ord)::int) AS j
WHERE m.profile = 'DAY' AND greatest(m.start_day, p.first_day) <= p.last_day;

-- A few cards waiting for payment (sold in the last ten days) and cancelled ones, never used.
INSERT INTO scale_stage.ms
SELECT m.network_id, m.ord, m.id, m.time_zone, 'CARD', 100 + (m.u_misc < 0.005)::int, null, o.id, o.operator_id,
       o.operator_ord, o.name, o.price_cents, o.vat_rate_bp, o.scope_type, null, o.entries, o.entry_minutes,
       o.validity, null, null, p.last_day - floor(m.u_misc * 1000)::int, null, 0,
       CASE WHEN m.u_misc < 0.005 THEN 'CANCELLED' ELSE 'PENDING_PAYMENT' END
FROM scale_stage.member m
CROSS JOIN scale_stage.param p
JOIN scale_stage.offer o ON o.network_id = m.network_id AND o.operator_id = m.home_operator_id AND o.code = 'CARD'
WHERE m.u_misc < 0.01 AND NOT m.erased;

UPDATE scale_stage.ms SET id = uuidv7(
    coalesce(valid_from, range_from)::timestamp AT TIME ZONE time_zone - now() + seq * interval '1 ms');
CREATE INDEX ON scale_stage.ms (id);
ANALYZE scale_stage.ms;

-- Candidate visits, first their place: the home place, or another open place of the same operator (or, for a
-- network pass, of the network).
CREATE UNLOGGED TABLE scale_stage.vc1 AS
WITH c AS (
    SELECT ms.network_id, ms.id AS membership_id, ms.member_id, ms.member_ord, ms.kind, ms.scope_type, ms.time_zone,
           ms.entry_minutes, ms.entries_total, ms.range_from, ms.range_to, mb.home_place_id, mb.subject,
           random() AS u_alt, random() AS u_pick, g AS cand
    FROM scale_stage.ms
    JOIN scale_stage.member mb ON mb.network_id = ms.network_id AND mb.ord = ms.member_ord
    CROSS JOIN LATERAL generate_series(1, ms.n_cand) AS g
    WHERE ms.n_cand > 0 AND ms.range_from <= ms.range_to
)
SELECT c.network_id, c.membership_id, c.member_id, c.kind, c.time_zone, c.entry_minutes, c.entries_total,
       c.range_from, c.range_to, c.subject,
       coalesce(op.id, net.id, hp.id) AS place_id,
       coalesce(op.operator_id, net.operator_id, hp.operator_id) AS place_operator_id,
       coalesce(op.template, net.template, hp.template) AS template, random() AS u_day
FROM c
JOIN scale_stage.place hp ON hp.network_id = c.network_id AND hp.id = c.home_place_id
LEFT JOIN scale_stage.place op ON c.scope_type = 'OPERATOR_PLACES' AND c.u_alt < 0.10
     AND op.network_id = c.network_id AND op.operator_id = hp.operator_id
     AND op.op_open_ord = 1 + floor(c.u_pick * hp.op_open_count)::int
LEFT JOIN scale_stage.place net ON c.scope_type = 'WHOLE_NETWORK' AND c.u_alt < 0.35
     AND net.network_id = c.network_id AND net.net_open_ord = 1 + floor(c.u_pick * hp.net_open_count)::int;
ANALYZE scale_stage.vc1;

-- Then a day (by ticket, among the place's open days in the membership's range), an opening range of that day,
-- check-in and check-out times; one visit per member and day.
CREATE UNLOGGED TABLE scale_stage.vc AS
WITH dayed AS (
    SELECT v.*, tk.day, tk.isodow, random() AS u_range, random() AS u_time, random() AS u_dur, random() AS u_src
    FROM scale_stage.vc1 v
    JOIN scale_stage.tday ta ON ta.template = v.template AND ta.day = v.range_from
    JOIN scale_stage.tday tb ON tb.template = v.template AND tb.day = v.range_to
    JOIN scale_stage.ticket tk ON tk.template = v.template
         AND tk.ticket = ta.t_before + floor(v.u_day * (tb.t_before + tb.tickets - ta.t_before))::int
    WHERE tb.t_before + tb.tickets > ta.t_before
), timed AS (
    SELECT d.*, r.close_min,
           r.open_min + floor(power(d.u_time, 1.8) * greatest(0, r.close_min - r.open_min - 30))::int AS in_min,
           CASE d.kind WHEN 'SUB' THEN 120 + floor(d.u_dur * 420)::int
                       WHEN 'CARD' THEN 60 + floor(power(d.u_dur, 1.3) * 420)::int
                       ELSE 240 + floor(d.u_dur * 300)::int END AS dur
    FROM dayed d
    JOIN scale_stage.tdow w ON w.template = d.template AND w.isodow = d.isodow
    JOIN scale_stage.trange r ON r.template = d.template AND r.isodow = d.isodow
         AND r.idx = 1 + floor(d.u_range * w.ranges)::int
)
SELECT DISTINCT ON (network_id, member_id, day)
       network_id, membership_id, member_id, kind, time_zone, entry_minutes, entries_total, place_id,
       place_operator_id, subject, day, in_min,
       CASE WHEN in_min + dur >= close_min OR u_src > 0.985 THEN close_min ELSE in_min + dur END AS out_min,
       in_min + dur >= close_min AND u_src < 0.2 OR u_src > 0.985 AS auto_closed, u_src
FROM timed
ORDER BY network_id, member_id, day, in_min;
DROP TABLE scale_stage.vc1;

-- Cards: entries per visit, in order of use; visits past the last entry are dropped, the one that would overdraw the
-- card takes what is left.
CREATE UNLOGGED TABLE scale_stage.visit AS
SELECT network_id, membership_id, member_id, kind, place_id, place_operator_id, subject, day, auto_closed, u_src,
       CASE WHEN kind = 'CARD' THEN least(entries, entries_total - (used - entries)) ELSE 0 END AS entries_consumed,
       t.checked_in_at, t.checked_out_at, uuidv7(t.checked_in_at - now()) AS id
FROM (
    SELECT vc.*, CASE WHEN vc.kind = 'CARD' THEN ceil((vc.out_min - vc.in_min) / vc.entry_minutes::numeric)::int
                      ELSE 0 END AS entries,
           sum(CASE WHEN vc.kind = 'CARD' THEN ceil((vc.out_min - vc.in_min) / vc.entry_minutes::numeric)::int
                    ELSE 0 END) OVER (PARTITION BY vc.membership_id ORDER BY vc.day, vc.in_min) AS used
    FROM scale_stage.vc
) v
CROSS JOIN LATERAL (
    SELECT (v.day + v.in_min * interval '1 minute') AT TIME ZONE v.time_zone AS checked_in_at,
           (v.day + v.out_min * interval '1 minute'
            + CASE WHEN v.auto_closed THEN 0 ELSE (v.u_src * 50)::int END * interval '1 second')
           AT TIME ZONE v.time_zone AS checked_out_at) t
WHERE v.kind <> 'CARD' OR v.used - v.entries < v.entries_total;
DROP TABLE scale_stage.vc;

-- Exactly :visits: drop random subscription visits (they change no balance).
DELETE FROM scale_stage.visit v USING (
    SELECT ctid FROM scale_stage.visit WHERE kind = 'SUB'
    ORDER BY random() LIMIT greatest(0, (SELECT count(*) FROM scale_stage.visit) - (SELECT visits FROM scale_stage.param))
) x WHERE v.ctid = x.ctid;
CREATE INDEX ON scale_stage.visit (network_id);
ANALYZE scale_stage.visit;

-- What the visits used of each membership (balance of cards, day of day passes, end of used-up cards).
CREATE UNLOGGED TABLE scale_stage.ms_use AS
SELECT membership_id AS id, sum(entries_consumed)::int AS used, max(checked_out_at) AS last_out, min(day) AS first_day
FROM scale_stage.visit GROUP BY membership_id;
CREATE UNIQUE INDEX ON scale_stage.ms_use (id);
CREATE INDEX ON scale_stage.ms (network_id);
ANALYZE scale_stage.ms;
ANALYZE scale_stage.ms_use;
