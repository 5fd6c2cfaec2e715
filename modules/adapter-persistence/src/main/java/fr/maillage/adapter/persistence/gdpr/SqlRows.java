package fr.maillage.adapter.persistence.gdpr;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a query in the current transaction and gives its rows as JSON-able maps: keys in camelCase (from the columns'
 * snake_case labels), instants and dates as ISO 8601 strings, uuids as strings, JSON columns parsed, arrays as lists.
 */
final class SqlRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SqlRows() {
    }

    static List<Map<String, @Nullable Object>> query(EntityManager em, String sql, Object... parameters) {
        em.flush();
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                try (ResultSet r = select.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        Map<String, @Nullable Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.put(camel(meta.getColumnLabel(c)), value(r, meta, c));
                        }
                        rows.add(row);
                    }
                }
            }
        });
        return rows;
    }

    /**
     * Updates in the current transaction; returns the number of rows changed. The persistence context is flushed
     * before and cleared after, so that no entity loaded earlier in the transaction is taken for the row's state.
     */
    static int update(EntityManager em, String sql, Object... parameters) {
        em.flush();
        int[] changed = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                changed[0] = update.executeUpdate();
            }
        });
        em.clear();
        return changed[0];
    }

    private static @Nullable Object value(ResultSet r, ResultSetMetaData meta, int c) throws SQLException {
        String typeName = meta.getColumnTypeName(c).toLowerCase(Locale.ROOT);
        if (typeName.equals("json") || typeName.equals("jsonb")) {
            String text = r.getString(c);
            return text == null ? null : JSON.readValue(text, Object.class);
        }
        switch (meta.getColumnType(c)) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime at = r.getObject(c, OffsetDateTime.class);
                return at == null ? null : at.toInstant().toString();
            }
            case Types.DATE -> {
                LocalDate day = r.getObject(c, LocalDate.class);
                return day == null ? null : day.toString();
            }
            case Types.ARRAY -> {
                Array array = r.getArray(c);
                return array == null ? null : Arrays.stream((Object[]) array.getArray()).map(SqlRows::plain).toList();
            }
            default -> {
                return plain(r.getObject(c));
            }
        }
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value.toString();
    }

    /** {@code checked_in_at} becomes {@code checkedInAt}. */
    static String camel(String label) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : label.toCharArray()) {
            if (c == '_') {
                upper = !camel.isEmpty();
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
