-- Scale generator: load the staged members into the product's tables.
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
        INSERT INTO member (network_id, id, subject, email, given_name, family_name, phone, company, address_line1,
                            postal_code, town, terms_accepted_at, newsletter, status, source, created_at, updated_at,
                            erased_at, version)
        SELECT m.network_id, m.id,
               m.subject,
               CASE WHEN m.erased THEN 'efface-' || m.id || '@maillage.invalid'
                    ELSE lower(nm.ascii_given) || '.' || lower(nm.ascii_family) || '.' || m.ord || '@exemple.fr' END,
               CASE WHEN m.erased THEN 'Personne' ELSE nm.given END,
               CASE WHEN m.erased THEN 'effacée' ELSE nm.family END,
               -- phones as the application stores them (E.164, fr.maillage.domain.member.PhoneNumber)
               CASE WHEN NOT m.erased AND m.u_misc < 0.7 THEN
                   CASE p.departement WHEN '974' THEN '+262692' || lpad(((m.ord * 7919) % 1000000)::text, 6, '0')
                                      WHEN '972' THEN '+596696' || lpad(((m.ord * 7919) % 1000000)::text, 6, '0')
                                      ELSE '+336' || lpad(((m.ord * 7919) % 100000000)::text, 8, '0') END END,
               CASE WHEN NOT m.erased AND m.u_misc < 0.3 THEN 'EI ' || nm.family END,
               CASE WHEN NOT m.erased AND m.u_misc < 0.5 THEN (1 + m.ord % 90) || ' chemin des Vignes' END,
               CASE WHEN NOT m.erased AND m.u_misc < 0.5 THEN p.postal_code END,
               CASE WHEN NOT m.erased AND m.u_misc < 0.5 THEN 'Commune ' || p.insee END,
               CASE WHEN m.has_account THEN m.created_at END,
               m.u_misc < 0.4,
               CASE WHEN m.erased THEN 'ERASED' ELSE 'ACTIVE' END,
               CASE WHEN m.has_account THEN 'SIGN_UP' WHEN m.u_misc < 0.8 THEN 'MANAGER' ELSE 'IMPORT' END,
               m.created_at, m.created_at,
               CASE WHEN m.erased THEN least(now(), m.created_at + interval '400 days') END,
               CASE WHEN m.erased THEN 1 ELSE 0 END
        FROM scale_stage.member m
        JOIN scale_stage.place p ON p.id = m.home_place_id AND p.network_id = m.network_id
        CROSS JOIN LATERAL (SELECT
            (ARRAY['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Jade', 'Louise', 'Zoé', 'Anaïs', 'Mathilde',
                   'Élodie', 'Céline', 'Sophie', 'Julie', 'Claire', 'Hélène', 'Nathalie', 'Amélie', 'Margot',
                   'Noémie', 'Lucas', 'Hugo', 'Théo', 'Nathan', 'Louis', 'Jules', 'Gabriel', 'Arthur', 'Raphaël',
                   'Mathis', 'Étienne', 'Rémi', 'Jérôme', 'François', 'Benoît', 'Sébastien', 'Antoine', 'Olivier',
                   'Pierre', 'Noé'])[m.gn] AS given,
            (ARRAY['camille', 'lea', 'manon', 'chloe', 'ines', 'jade', 'louise', 'zoe', 'anais', 'mathilde',
                   'elodie', 'celine', 'sophie', 'julie', 'claire', 'helene', 'nathalie', 'amelie', 'margot',
                   'noemie', 'lucas', 'hugo', 'theo', 'nathan', 'louis', 'jules', 'gabriel', 'arthur', 'raphael',
                   'mathis', 'etienne', 'remi', 'jerome', 'francois', 'benoit', 'sebastien', 'antoine', 'olivier',
                   'pierre', 'noe'])[m.gn] AS ascii_given,
            (ARRAY['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
                   'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent',
                   'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François',
                   'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry',
                   'Roussel', 'Nicolas', 'Perrin'])[m.fn] AS family,
            (ARRAY['martin', 'bernard', 'dubois', 'thomas', 'robert', 'richard', 'petit', 'durand', 'leroy', 'moreau',
                   'simon', 'laurent', 'lefevre', 'michel', 'garcia', 'david', 'bertrand', 'roux', 'vincent',
                   'fournier', 'morel', 'girard', 'andre', 'mercier', 'dupont', 'lambert', 'bonnet', 'francois',
                   'martinez', 'legrand', 'garnier', 'faure', 'rousseau', 'blanc', 'guerin', 'muller', 'henry',
                   'roussel', 'nicolas', 'perrin'])[m.fn] AS ascii_family) nm
        WHERE m.network_id = n.id
        ORDER BY m.ord;
        COMMIT;
    END LOOP;
END $$;
