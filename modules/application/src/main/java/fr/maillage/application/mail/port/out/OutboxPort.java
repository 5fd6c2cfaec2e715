package fr.maillage.application.mail.port.out;

import fr.maillage.application.mail.OutgoingMail;

/**
 * The transactional outbox. {@link #enqueue} writes the mail in the caller's tenant transaction (inside
 * {@code UnitOfWorkPort.inTenant} / {@code AccessPolicy.inNetwork}): it is sent only if that transaction commits,
 * and at most once per {@link OutgoingMail#dedupKey()} in the network. The relay delivers it later, outside of it.
 */
public interface OutboxPort {

    /**
     * Writes the mail to the outbox of the current network. A mail whose {@code dedupKey} is already in the outbox
     * of the network is ignored (the first one stays, nothing fails), so a retried business transaction cannot
     * enqueue it twice.
     */
    void enqueue(OutgoingMail mail);
}
