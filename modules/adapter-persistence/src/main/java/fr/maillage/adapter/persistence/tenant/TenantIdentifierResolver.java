package fr.maillage.adapter.persistence.tenant;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate the tenant of each session: the network bound by the unit of work, or the root tenant outside
 * a network (platform-wide tables only; tenant tables then show no row because of row-level security).
 */
final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantScope.current();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public boolean isRoot(UUID tenant) {
        return TenantScope.NONE.equals(tenant);
    }
}
