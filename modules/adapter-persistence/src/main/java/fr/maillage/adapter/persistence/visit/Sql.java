package fr.maillage.adapter.persistence.visit;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** What the visit adapters share: the current network as a parameter, and the conversions of time values. */
final class Sql {

    private Sql() {
    }

    /**
     * Parameters starting with {@code network}, the current tenant: every query names it, so that PostgreSQL uses the
     * indexes that begin with {@code network_id} (row-level security filters on it as well).
     */
    static MapSqlParameterSource params() {
        UUID tenant = TenantScope.current();
        if (TenantScope.NONE.equals(tenant)) {
            throw new IllegalStateException("visits are read and written inside a network's transaction only");
        }
        return new MapSqlParameterSource("network", tenant);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime atOrNull(@Nullable Instant instant) {
        return instant == null ? null : at(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value.toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable LocalDate dateOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static @Nullable Integer integerOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static @Nullable UUID uuidOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
