-- Scale generator, phase 4: memberships, visits and the usage ledger of card visits, loaded network by network
-- with app.tenant set (row-level security is forced on these tables, for their owner too).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET work_mem = '64MB';
-- This session loads the networks whose rank modulo :jobs is :job (scale.sh runs :jobs sessions side by side).
SELECT set_config('scale.jobs', :'jobs', false), set_config('scale.job', :'job', false) \g /dev/null

DO $$
DECLARE n record;
BEGIN
    FOR n IN SELECT id FROM scale_stage.network
             WHERE rank % current_setting('scale.jobs')::int = current_setting('scale.job')::int ORDER BY rank LOOP
        PERFORM set_config('app.tenant', n.id::text, false);
        INSERT INTO membership (network_id, id, member_id, offer_id, operator_id, kind, status, offer_name,
                                price_cents, vat_rate_bp, scope_type, billing, entries_total, entries_remaining,
                                entry_minutes, validity, valid_from, valid_until, amount_paid_cents, renewal_of,
                                auto_renew, sold_at, sold_by, activated_at, ended_at, cancel_reason, created_at,
                                updated_at, version)
        SELECT ms.network_id, ms.id, ms.member_id, ms.offer_id, ms.operator_id,
               CASE ms.kind WHEN 'SUB' THEN 'SUBSCRIPTION' WHEN 'CARD' THEN 'CARD' ELSE 'DAY_PASS' END,
               ms.status, ms.offer_name, ms.price_cents, ms.vat_rate_bp, ms.scope_type, ms.billing,
               ms.entries_total, ms.entries_total - ms.entries_used, ms.entry_minutes, ms.validity,
               ms.valid_from, ms.valid_until,
               CASE WHEN ms.status IN ('ACTIVE', 'EXPIRED') THEN ms.price_cents ELSE 0 END,
               ms.renewal_of, coalesce(ms.billing = 'MONTHLY', false),
               t.sold_at, 'scale-manager-' || ms.operator_ord,
               CASE WHEN ms.status IN ('ACTIVE', 'EXPIRED') THEN t.sold_at + interval '2 minutes' END,
               e.ended_at,
               CASE WHEN ms.status = 'CANCELLED' THEN 'Vente enregistrée par erreur' END,
               t.sold_at, coalesce(e.ended_at, ms.last_out, t.sold_at + interval '2 minutes'),
               CASE WHEN e.ended_at IS NULL THEN 1 ELSE 2 END
        FROM (SELECT s.network_id, s.id, s.member_id, s.offer_id, s.operator_id, s.operator_ord, s.kind, s.seq,
                     s.time_zone, s.offer_name, s.price_cents, s.vat_rate_bp, s.scope_type, s.billing,
                     s.entries_total, s.entry_minutes, s.validity, s.range_from, u.last_out,
                     coalesce(u.used, 0) AS entries_used,
                     CASE WHEN s.kind = 'DAY' THEN coalesce(u.first_day, s.range_from) ELSE s.valid_from END AS valid_from,
                     CASE WHEN s.kind = 'DAY' THEN coalesce(u.first_day, s.range_from) ELSE s.valid_until END AS valid_until,
                     coalesce(s.status, CASE WHEN coalesce(u.used, 0) >= s.entries_total OR s.valid_until < current_date
                                             THEN 'EXPIRED' ELSE 'ACTIVE' END) AS status,
                     CASE WHEN s.kind = 'SUB' THEN lag(s.id) OVER (PARTITION BY s.member_id, s.kind ORDER BY s.seq) END
                         AS renewal_of
              FROM scale_stage.ms s LEFT JOIN scale_stage.ms_use u ON u.id = s.id
              WHERE s.network_id = n.id) ms
        CROSS JOIN LATERAL (SELECT CASE
            WHEN ms.status IN ('PENDING_PAYMENT', 'CANCELLED') THEN ms.range_from + time '11:00'
            WHEN ms.kind = 'SUB' AND ms.seq = 0 THEN ms.valid_from - 1 + time '17:30'
            WHEN ms.kind = 'SUB' THEN ms.valid_from + time '00:05'
            WHEN ms.kind = 'CARD' THEN ms.valid_from + time '18:30'
            ELSE ms.valid_from + time '07:45' END AT TIME ZONE ms.time_zone AS sold_at) t
        CROSS JOIN LATERAL (SELECT CASE
            WHEN ms.status = 'CANCELLED' THEN t.sold_at + interval '1 hour'
            WHEN ms.status = 'EXPIRED' AND ms.kind = 'CARD' AND ms.entries_used >= ms.entries_total THEN ms.last_out
            WHEN ms.status = 'EXPIRED' THEN (ms.valid_until + 1)::timestamp AT TIME ZONE ms.time_zone
            END AS ended_at) e
        ORDER BY t.sold_at;
        INSERT INTO visit (network_id, id, place_id, member_id, membership_id, source, checked_in_at, checked_in_by,
                           checked_out_at, closed_by, entries_consumed, created_at, updated_at, version)
        SELECT v.network_id, v.id, v.place_id, v.member_id, v.membership_id, s.source, v.checked_in_at,
               CASE s.source WHEN 'QR' THEN v.subject ELSE 'scale-manager-' || p.operator_ord END,
               v.checked_out_at,
               CASE WHEN v.auto_closed THEN 'AUTO' WHEN s.source = 'QR' AND v.u_src * 10 - floor(v.u_src * 10) < 0.7 THEN 'MEMBER'
                    ELSE 'DESK' END,
               v.entries_consumed, v.checked_in_at, v.checked_out_at, 1
        FROM scale_stage.visit v
        JOIN scale_stage.place p ON p.network_id = v.network_id AND p.id = v.place_id
        CROSS JOIN LATERAL (SELECT CASE WHEN v.subject IS NOT NULL AND v.u_src < 0.6 THEN 'QR' ELSE 'DESK' END
                            AS source) s
        WHERE v.network_id = n.id
        ORDER BY v.checked_in_at;
        INSERT INTO usage_entry (network_id, id, visit_id, membership_id, place_id, seller_operator_id,
                                 place_operator_id, entries, unit_value_cents, amount_cents, used_on, month,
                                 recorded_at)
        SELECT v.network_id, uuidv7(v.checked_out_at - now()), v.id, v.membership_id, v.place_id, ms.operator_id,
               v.place_operator_id, v.entries_consumed, u.unit, v.entries_consumed * u.unit, v.day,
               date_trunc('month', v.day)::date, v.checked_out_at
        FROM scale_stage.visit v
        JOIN scale_stage.ms ON ms.id = v.membership_id
        CROSS JOIN LATERAL (SELECT round(ms.price_cents::numeric / ms.entries_total)::bigint AS unit) u
        WHERE v.network_id = n.id AND v.kind = 'CARD'
        ORDER BY v.checked_out_at;
        COMMIT;
    END LOOP;
END $$;
