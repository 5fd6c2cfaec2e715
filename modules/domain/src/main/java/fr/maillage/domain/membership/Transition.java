package fr.maillage.domain.membership;

import java.util.List;
import java.util.Objects;

/**
 * The result of a transition: the membership's new state and the events it emitted (none when nothing changed).
 * Events may name another membership too: a renewal emits {@code RENEWED} on the previous period.
 */
public record Transition(Membership membership, List<MembershipEvent> events) {

    public Transition {
        Objects.requireNonNull(membership);
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
