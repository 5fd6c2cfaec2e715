package fr.maillage.application.membership.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.membership.MembershipId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The history of memberships ({@code membership_event}, append-only): every event, numbered per membership in the
 * order it happened. Written in the transition's own transaction, it is also the outbox from which later consumers
 * (mails, accounting exports) can read in order.
 */
public interface MembershipEventPort {

    /** Appends the events, in order, after those already stored for their memberships. */
    void append(List<MembershipEvent> events, Instant recordedAt);

    /** A membership's events in order. */
    Page<StoredEvent> history(MembershipId membership, PageRequest page);

    /** An event as stored: its position in the membership's history starts at 1. */
    record StoredEvent(UUID id, MembershipId membership, int position, String type, Instant occurredAt,
            Instant recordedAt, String actor, Map<String, String> details) {

        public StoredEvent {
            details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        }
    }
}
