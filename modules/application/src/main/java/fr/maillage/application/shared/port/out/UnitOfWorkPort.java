package fr.maillage.application.shared.port.out;

import java.util.function.Supplier;

/**
 * A business transaction: what {@code work} writes is stored entirely or not at all. Use cases call it so that the
 * application stays free of any transaction framework; the persistence adapter implements it.
 */
public interface UnitOfWorkPort {

    <T> T inTransaction(Supplier<T> work);

    <T> T readOnly(Supplier<T> work);
}
