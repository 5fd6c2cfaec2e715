-- Scale generator: load the staged operators, places and offers into the product's tables.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET work_mem = '64MB';
-- This session loads the networks whose rank modulo :jobs is :job (scale.sh runs :jobs sessions side by side).
SELECT set_config('scale.jobs', :'jobs', false), set_config('scale.job', :'job', false) \g /dev/null
-- Tenant tables: FORCE ROW LEVEL SECURITY applies to their owner too, so each network is loaded in its own
-- transaction with app.tenant set to it, as the application does.
DO $$
DECLARE n record;
BEGIN
    FOR n IN SELECT id FROM scale_stage.network
             WHERE rank % current_setting('scale.jobs')::int = current_setting('scale.job')::int ORDER BY rank LOOP
        PERFORM set_config('app.tenant', n.id::text, false);
        INSERT INTO operator (network_id, id, legal_name, siren, address_line1, postal_code, town, vat_regime,
                              vat_rates, vat_legal_basis, invoice_prefix, created_at, updated_at)
        SELECT network_id, id, legal_name, siren, address_line1,
               CASE WHEN departement LIKE '97_' THEN departement || '00' ELSE departement || '000' END,
               'Chef-lieu ' || departement, vat_regime,
               CASE WHEN vat_regime = 'LIABLE' THEN ARRAY[2000] ELSE '{}'::int[] END,
               CASE WHEN vat_regime = 'EXEMPT' THEN 'Article 261-7-1° du CGI' END,
               'OP' || ord, created_at, created_at
        FROM scale_stage.operator WHERE network_id = n.id ORDER BY ord;
        INSERT INTO place (network_id, id, operator_id, slug, name, kinds, address_line1, postal_code, town, commune,
                           insee_code, departement, latitude, longitude, capacity, services, step_free_access,
                           accessible_toilets, status, description_fr, opening_hours, created_at, updated_at)
        SELECT p.network_id, p.id, p.operator_id, 'lieu-' || p.ord,
               (ARRAY['Tiers-lieu', 'Coworking', 'Fab lab', 'Télécentre', 'La Grange', 'L’Atelier'])[1 + p.ord % 6]
                   || ' ' || p.ord,
               t.kinds, p.ord || ' rue de la Gare', p.postal_code, 'Commune ' || p.insee, 'Commune ' || p.insee,
               p.insee, p.departement, p.latitude, p.longitude, p.capacity, t.services, p.ord % 3 = 0, p.ord % 4 = 0,
               p.status, 'Un lieu du réseau de mesure, ouvert selon le modèle « ' || t.label || ' ».', t.hours,
               p.created_at, p.created_at
        FROM scale_stage.place p JOIN scale_stage.template t USING (template)
        WHERE p.network_id = n.id ORDER BY p.ord;
        INSERT INTO offer (network_id, id, operator_id, name, terms_type, billing, entries, entry_minutes, validity,
                           price_cents, vat_rate_bp, scope_type, archived, sold, created_at, updated_at)
        SELECT network_id, id, operator_id, name, terms_type, billing, entries, entry_minutes, validity, price_cents,
               vat_rate_bp, scope_type, false, true, created_at, created_at
        FROM scale_stage.offer WHERE network_id = n.id;
        COMMIT;
    END LOOP;
END $$;
