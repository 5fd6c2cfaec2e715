package fr.maillage.bootstrap.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Members of a network written straight into {@code member} (in the network's tenant transaction, as the application's
 * role), for tests that need members before the members API is there. A member who already exists (same email or
 * subject, e.g. created by an invitation) is kept: the id of the member with that email is returned.
 */
final class MemberRows {

    private MemberRows() {
    }

    /** The id of the member of {@code slug} with this email, created (source MANAGER) if there is none. */
    static String member(DataSource dataSource, String slug, String email, String givenName, String familyName,
            @Nullable String subject) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
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
            try (PreparedStatement s = c.prepareStatement("select set_config('app.tenant', ?, true)")) {
                s.setString(1, network.toString());
                s.execute();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into member (network_id, id, subject, email, given_name, family_name, status, source,
                        created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, 'ACTIVE', 'MANAGER', now(), now())
                    on conflict do nothing""")) {
                s.setObject(1, network);
                s.setObject(2, UUID.randomUUID());
                s.setString(3, subject);
                s.setString(4, email.toLowerCase(Locale.ROOT));
                s.setString(5, givenName);
                s.setString(6, familyName);
                s.executeUpdate();
            }
            String id;
            try (PreparedStatement s = c.prepareStatement("select id from member where email = ?")) {
                s.setString(1, email.toLowerCase(Locale.ROOT));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("no member " + email + " in " + slug);
                    }
                    id = r.getObject(1, UUID.class).toString();
                }
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the member " + email, e);
        }
    }
}
