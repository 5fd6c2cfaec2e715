package fr.maillage.application.membership.port.out;

import fr.maillage.domain.membership.Payment;
import java.util.Optional;

/** Payments of the current network (tenant transaction): inserted, never changed nor deleted. */
public interface PaymentPort {

    /** The payment recorded with this idempotency key in the network, if any. */
    Optional<Payment> findByIdempotencyKey(String key);

    /**
     * @throws fr.maillage.domain.shared.ConflictException {@code payment.idempotency-key.reused} when another payment
     *     of the network holds the key (a concurrent request)
     */
    Payment insert(Payment payment);
}
