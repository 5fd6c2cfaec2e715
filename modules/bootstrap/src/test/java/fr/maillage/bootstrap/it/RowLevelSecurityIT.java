package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL row-level security confines the application's role to the network set in {@code app.tenant}, and
 * Hibernate's tenant filter does the same on its own: each layer alone keeps networks apart.
 */
class RowLevelSecurityIT extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    UnitOfWorkPort unitOfWork;

    @Autowired
    NetworkRolePort roles;

    UUID networkA;
    UUID networkB;

    @BeforeEach
    void twoNetworksWithOneRoleEach() throws SQLException {
        networkA = insertNetwork(uniqueSlug("rls-a"));
        networkB = insertNetwork(uniqueSlug("rls-b"));
        insertRole(networkA, "person-a");
        insertRole(networkB, "person-b");
    }

    @Test
    void without_a_tenant_the_application_sees_no_tenant_row() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "select count(*) from network_role where network_id in ('" + networkA + "', '"
                    + networkB + "')")).isZero();
            assertThat(count(c, "select count(*) from network_role")).isZero();
        }
    }

    @Test
    void a_tenant_sees_its_rows_only() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkA);
            assertThat(count(c, "select count(*) from network_role where network_id = '" + networkB + "'")).isZero();
            assertThat(count(c, "select count(*) from network_role where network_id = '" + networkA + "'")).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void a_pooled_connection_reused_after_a_tenant_without_one_sees_no_row() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkA);
            assertThat(count(c, "select count(*) from network_role where network_id = '" + networkA + "'")).isEqualTo(1);
            c.commit();
            // The same physical connection, next transaction, no tenant set: the setting ended with the transaction.
            assertThat(count(c, "select count(*) from network_role")).isZero();
            assertThat(count(c, "select count(*) from audit_event")).isZero();
            c.commit();
        }
    }

    @Test
    void a_row_of_another_tenant_cannot_be_written_changed_or_deleted() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkA);
            assertThatThrownBy(() -> insertRole(c, networkB, "intruder"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            c.rollback();
            setTenant(c, networkA);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("delete from network_role where network_id = '" + networkB + "'")).isZero();
            }
            c.commit();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkB);
            assertThat(count(c, "select count(*) from network_role where network_id = '" + networkB + "'")).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void operators_places_and_managers_operators_of_a_tenant_are_out_of_reach_of_another() throws SQLException {
        UUID operator = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkA);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into operator (network_id, id, legal_name, siren, address_line1, postal_code, town,
                            vat_regime, invoice_prefix, created_at, updated_at)
                        values ('%s', '%s', 'Opérateur A', '200068765', 'Place du Lac', '05700', 'Serres',
                            'FRANCHISE', 'OPA', now(), now())""".formatted(networkA, operator));
                s.executeUpdate("insert into manager_operator (network_id, subject, operator_id) values ('%s', "
                        .formatted(networkA) + "'person-a', '" + operator + "')");
                s.executeUpdate(placeInsert(networkA, operator, "lieu-a"));
            }
            c.commit();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkB);
            for (String table : List.of("operator", "manager_operator", "place")) {
                assertThat(count(c, "select count(*) from " + table + " where network_id = '" + networkA + "'"))
                        .as(table).isZero();
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update place set name = 'Volé' where network_id = '" + networkA + "'"))
                        .isZero();
                assertThat(s.executeUpdate("delete from manager_operator where operator_id = '" + operator + "'"))
                        .isZero();
                assertThatThrownBy(() -> s.executeUpdate(placeInsert(networkB, operator, "lieu-b")))
                        .as("a place of B cannot name A's operator").isInstanceOf(SQLException.class)
                        .hasMessageContaining("place_operator_fk");
            }
            c.rollback();
            setTenant(c, networkA);
            assertThat(count(c, "select count(*) from place where name = 'Lieu A'")).isEqualTo(1);
            assertThat(count(c, "select count(*) from manager_operator")).isEqualTo(1);
            c.commit();
        }
    }

    @Test
    void offers_their_places_and_resources_of_a_tenant_are_out_of_reach_of_another() throws SQLException {
        UUID operator = UUID.randomUUID();
        UUID place = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkA);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into operator (network_id, id, legal_name, siren, address_line1, postal_code, town,
                            vat_regime, invoice_prefix, created_at, updated_at)
                        values ('%s', '%s', 'Opérateur A', '200068765', 'Place du Lac', '05700', 'Serres',
                            'FRANCHISE', 'OPA', now(), now())""".formatted(networkA, operator));
                s.executeUpdate(placeInsert(networkA, operator, "lieu-a").replaceFirst(
                        "'[0-9a-f-]{36}', '" + operator, "'" + place + "', '" + operator));
                s.executeUpdate(offerInsert(networkA, offer, operator));
                s.executeUpdate("insert into offer_place (network_id, offer_id, place_id) values ('%s', '%s', '%s')"
                        .formatted(networkA, offer, place));
                s.executeUpdate(resourceInsert(networkA, place));
            }
            c.commit();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, networkB);
            for (String table : List.of("offer", "offer_place", "resource")) {
                assertThat(count(c, "select count(*) from " + table + " where network_id = '" + networkA + "'"))
                        .as(table).isZero();
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update offer set archived = true where id = '" + offer + "'")).isZero();
                assertThat(s.executeUpdate("update resource set name = 'Volée' where place_id = '" + place + "'"))
                        .isZero();
                assertThat(s.executeUpdate("delete from offer_place where offer_id = '" + offer + "'")).isZero();
                assertThatThrownBy(() -> s.executeUpdate(offerInsert(networkB, UUID.randomUUID(), operator)))
                        .as("an offer of B cannot name A's operator").isInstanceOf(SQLException.class)
                        .hasMessageContaining("offer_operator_fk");
            }
            c.rollback();
            c.setAutoCommit(false);
            setTenant(c, networkB);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate(resourceInsert(networkB, place)))
                        .as("a resource of B cannot be in A's place").isInstanceOf(SQLException.class)
                        .hasMessageContaining("resource_place_fk");
            }
            c.rollback();
            setTenant(c, networkA);
            assertThat(count(c, "select count(*) from offer where not archived")).isEqualTo(1);
            assertThat(count(c, "select count(*) from offer_place")).isEqualTo(1);
            assertThat(count(c, "select count(*) from resource where name = 'Salle A'")).isEqualTo(1);
            c.commit();
        }
    }

    private static String offerInsert(UUID network, UUID offer, UUID operator) {
        return """
                insert into offer (network_id, id, operator_id, name, terms_type, price_cents, scope_type, created_at,
                    updated_at)
                values ('%s', '%s', '%s', 'Pass journée', 'DAY_PASS', 1000, 'CHOSEN_PLACES', now(), now())"""
                .formatted(network, offer, operator);
    }

    private static String resourceInsert(UUID network, UUID place) {
        return """
                insert into resource (network_id, id, place_id, kind, name, capacity, created_at, updated_at)
                values ('%s', '%s', '%s', 'MEETING_ROOM', 'Salle A', 8, now(), now())"""
                .formatted(network, UUID.randomUUID(), place);
    }

    private static String placeInsert(UUID network, UUID operator, String slug) {
        return """
                insert into place (network_id, id, operator_id, slug, name, kinds, address_line1, postal_code, town,
                    commune, insee_code, departement, latitude, longitude, capacity, status, opening_hours,
                    created_at, updated_at)
                values ('%s', '%s', '%s', '%s', 'Lieu A', '{COWORKING}', 'Place du Lac', '05700', 'Serres', 'Serres',
                    '05166', '05', 44.43, 5.72, 10, 'OPEN', '{}', now(), now())"""
                .formatted(network, UUID.randomUUID(), operator, slug);
    }

    @Test
    void hibernates_tenant_filter_holds_even_if_the_database_setting_points_elsewhere() {
        var seen = unitOfWork.readOnlyInTenant(new NetworkId(networkA), () -> {
            // Pretend a bug set the database to network B inside network A's transaction.
            jdbc.queryForObject("select set_config('app.tenant', ?, true)", String.class, networkB.toString());
            return roles.rolesOf(new NetworkId(networkA), "person-b");
        });
        assertThat(seen).as("Hibernate filters on network A, PostgreSQL on network B: nothing passes both")
                .isEmpty();
        var own = unitOfWork.readOnlyInTenant(new NetworkId(networkA), () -> roles.rolesOf(new NetworkId(networkA),
                "person-a"));
        assertThat(own).containsExactly(NetworkRole.MEMBER);
    }

    private UUID insertNetwork(String slug) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into network (id, slug, name, territory, time_zone, status, created_at, updated_at, version)
                values (?, ?, 'Réseau RLS', '{26}', 'Europe/Paris', 'ACTIVE', now(), now(), 0)""", id, slug);
        return id;
    }

    private void insertRole(UUID network, String subject) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, network);
            insertRole(c, network, subject);
            c.commit();
        }
    }

    private static void insertRole(Connection c, UUID network, String subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into network_role (network_id, id, subject, role, email, granted_at, granted_by)
                values (?, ?, ?, 'MEMBER', 'someone@example.org', now(), 'test')""")) {
            s.setObject(1, network);
            s.setObject(2, UUID.randomUUID());
            s.setString(3, subject);
            s.executeUpdate();
        }
    }

    private static void setTenant(Connection c, UUID network) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select set_config('app.tenant', ?, true)")) {
            s.setString(1, network.toString());
            s.executeQuery().close();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
