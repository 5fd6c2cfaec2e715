package fr.maillage.adapter.persistence.tenant;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The network (tenant) of the current unit of work, bound for its duration only (a {@link ScopedValue}: nothing
 * leaks to the next task a pooled thread runs).
 */
public final class TenantScope {

    /** Stands for "no tenant": Hibernate's root tenant, which PostgreSQL row-level security still gives no row. */
    public static final UUID NONE = new UUID(0, 0);

    private static final ScopedValue<UUID> CURRENT = ScopedValue.newInstance();

    private TenantScope() {
    }

    public static <T> T run(UUID tenant, Supplier<T> work) {
        return ScopedValue.where(CURRENT, tenant).call(work::get);
    }

    public static UUID current() {
        return CURRENT.isBound() ? CURRENT.get() : NONE;
    }

    public static boolean isBound() {
        return CURRENT.isBound();
    }
}
