package fr.maillage.application.audit.port.out;

import fr.maillage.domain.network.NetworkId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An administrative action in a network: who (the actor's subject id), what (a stable action name such as
 * {@code person.invited}), on what (an identifier, never a name or an email), when. Details hold identifiers and
 * codes only: no token, no personal data beyond identifiers.
 */
public record AuditEvent(NetworkId network, UUID id, Instant occurredAt, String actor, String action,
        @Nullable String target, Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(network);
        Objects.requireNonNull(action);
        details = Map.copyOf(details);
    }
}
