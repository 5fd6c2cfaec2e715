package fr.maillage.application.mail;

import fr.maillage.domain.network.NetworkId;
import java.util.UUID;

/** A mail of the outbox as the relay claimed it: its id, its network, what to send and the attempts made so far. */
public record QueuedMail(UUID id, NetworkId network, OutgoingMail mail, int attempts) {
}
