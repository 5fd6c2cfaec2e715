package fr.maillage.adapter.persistence.membership;

import fr.maillage.application.membership.port.out.PaymentPort;
import fr.maillage.domain.membership.MembershipId;
import fr.maillage.domain.membership.Payment;
import fr.maillage.domain.membership.PaymentMethod;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.shared.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.stereotype.Component;

/** Payments, in the current network's tenant transaction: inserted, never changed. */
@Component
class PaymentPersistenceAdapter implements PaymentPort {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Payment> findByIdempotencyKey(String key) {
        return em.createQuery("select p from PaymentEntity p where p.idempotencyKey = :k", PaymentEntity.class)
                .setParameter("k", key).getResultStream().findFirst().map(PaymentPersistenceAdapter::payment);
    }

    @Override
    public Payment insert(Payment payment) {
        PaymentEntity e = new PaymentEntity();
        e.networkId = currentNetwork(payment);
        e.id = payment.id();
        e.membershipId = payment.membership().value();
        e.method = payment.method().name();
        e.amountCents = payment.amount().cents();
        e.reference = payment.reference();
        e.receivedOn = payment.receivedOn();
        e.recordedAt = payment.recordedAt();
        e.recordedBy = payment.recordedBy();
        e.idempotencyKey = payment.idempotencyKey();
        try {
            em.persist(e);
            em.flush();
        } catch (ConstraintViolationException ex) {
            if ("payment_idempotency_key".equals(ex.getConstraintName())) {
                throw new ConflictException("payment.idempotency-key.reused");
            }
            throw ex;
        }
        return payment(e);
    }

    /** The network of the payment's membership (the tenant of the transaction). */
    private java.util.UUID currentNetwork(Payment payment) {
        MembershipEntity membership = em.find(MembershipEntity.class, payment.membership().value());
        if (membership == null) {
            throw new IllegalStateException("no membership " + payment.membership() + " in this network");
        }
        return membership.networkId;
    }

    static Payment payment(PaymentEntity e) {
        return new Payment(e.id, new MembershipId(e.membershipId), PaymentMethod.valueOf(e.method),
                Money.euros(e.amountCents), e.reference, e.receivedOn, e.recordedAt, e.recordedBy, e.idempotencyKey);
    }
}
