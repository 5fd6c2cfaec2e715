package fr.maillage.adapter.persistence.visit;

import fr.maillage.adapter.persistence.tenant.TenantScope;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the visit adapters share: the current network as a parameter (value conversions are
 * {@link fr.maillage.adapter.persistence.shared.JdbcValues}).
 */
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
}
