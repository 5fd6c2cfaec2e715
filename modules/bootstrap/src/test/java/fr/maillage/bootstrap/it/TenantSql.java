package fr.maillage.bootstrap.it;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL straight in the database, as the application's role, inside one network's tenant (row-level security): what a
 * test checks that the API does not show (a member row after erasure), or sets up that no API makes yet.
 */
final class TenantSql {

    private final JdbcTemplate jdbc;
    private final UUID network;

    private TenantSql(JdbcTemplate jdbc, UUID network) {
        this.jdbc = jdbc;
        this.network = network;
    }

    static TenantSql of(JdbcTemplate jdbc, String slug) {
        return new TenantSql(jdbc, jdbc.queryForObject("select id from network where slug = ?", UUID.class, slug));
    }

    UUID network() {
        return network;
    }

    /** The rows of a query, column name to value. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        return inTenant(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, parameters);
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }

    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).getFirst().values().iterator().next()).longValue();
    }

    int update(String sql, Object... parameters) {
        return inTenant(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, parameters);
                return s.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    private <T> T inTenant(Work<T> work) {
        return jdbc.execute((ConnectionCallback<T>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement tenant = c.prepareStatement("select set_config('app.tenant', ?, true)")) {
                tenant.setString(1, network.toString());
                tenant.executeQuery().close();
                T result = work.run(c);
                c.commit();
                return result;
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    private static void bind(PreparedStatement s, Object... parameters) throws java.sql.SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
