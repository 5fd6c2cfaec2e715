package fr.maillage.application.shared.port.out;

import fr.maillage.domain.network.NetworkId;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A business transaction: what {@code work} writes is stored entirely or not at all. Use cases call it so that the
 * application stays free of any transaction framework; the persistence adapter implements it.
 */
public interface UnitOfWorkPort {

    <T> T inTransaction(Supplier<T> work);

    <T> T readOnly(Supplier<T> work);

    /**
     * A business transaction inside one network (tenant): only that network's rows can be read or written, whatever
     * the work does (the persistence adapter enforces it with Hibernate's tenant filter and PostgreSQL row-level
     * security).
     */
    <T> T inTenant(NetworkId tenant, Supplier<T> work);

    <T> T readOnlyInTenant(NetworkId tenant, Supplier<T> work);

    /**
     * {@link #inTenant} or {@link #readOnlyInTenant} whose work receives the network's stored state
     * ({@link #networkState}), read by the very statement that binds the tenant: a caller holding a copy of the
     * network checks that it is still current without another round trip. {@code null} if there is no such network.
     */
    <T> T inTenant(NetworkId tenant, boolean readOnly, Function<@Nullable String, T> work);

    /** The state of a network as {@link #inTenant(NetworkId, boolean, Function)} reports it. */
    static String networkState(long version, String status, String timeZone) {
        return version + "|" + status + "|" + timeZone;
    }
}
