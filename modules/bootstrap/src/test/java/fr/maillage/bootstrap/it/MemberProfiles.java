package fr.maillage.bootstrap.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The member profile of a person in a network, written straight into {@code member} (in the network's tenant, as the
 * application's role) for the tests of bookings, until the members API creates profiles. Idempotent: a profile the
 * person already has (made by that API once it exists) is kept, and returned as it is.
 */
final class MemberProfiles {

    private MemberProfiles() {
    }

    /** A member profile: its id and the name people read. */
    record Profile(String id, String displayName) {
    }

    static Profile of(DataSource dataSource, String slug, EndToEndTest.Person person, String givenName,
            String familyName) {
        try (Connection c = dataSource.getConnection()) {
            UUID network;
            try (PreparedStatement s = c.prepareStatement("select id from network where slug = ?")) {
                s.setString(1, slug);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("no network " + slug);
                    }
                    network = r.getObject(1, UUID.class);
                }
            }
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("select set_config('app.tenant', ?, true)")) {
                    s.setString(1, network.toString());
                    s.execute();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into member (network_id, id, subject, email, given_name, family_name, status, source,
                            terms_accepted_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'ACTIVE', 'SIGN_UP', now(), now(), now())
                        on conflict do nothing""")) {
                    s.setObject(1, network);
                    s.setObject(2, UUID.randomUUID());
                    s.setString(3, person.subject());
                    s.setString(4, person.email().toLowerCase(Locale.ROOT));
                    s.setString(5, givenName);
                    s.setString(6, familyName);
                    s.executeUpdate();
                }
                Profile profile;
                try (PreparedStatement s = c.prepareStatement(
                        "select id, given_name || ' ' || family_name from member where subject = ?")) {
                    s.setString(1, person.subject());
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new IllegalStateException("no member profile for " + person.email());
                        }
                        profile = new Profile(r.getString(1), r.getString(2));
                    }
                }
                c.commit();
                return profile;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the member profile of " + person.email(), e);
        }
    }
}
