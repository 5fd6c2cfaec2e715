package fr.maillage.domain.visit;

import fr.maillage.domain.shared.ConflictException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A check-in outside the place's opening hours. Carries the next opening (if the place opens within the search
 * horizon) and the network's zone, so that adapters can write it as people read it. At the desk, a manager may
 * override it with a reason ({@code forDesk}: the message says so); a member cannot.
 */
public final class PlaceClosedException extends ConflictException {

    private final String placeName;
    private final @Nullable Instant nextOpening;
    private final ZoneId zone;
    private final boolean forDesk;

    public PlaceClosedException(String placeName, Optional<Instant> nextOpening, ZoneId zone, boolean forDesk) {
        super(code(nextOpening.isPresent(), forDesk), placeName, nextOpening.map(Instant::toString).orElse(""));
        this.placeName = placeName;
        this.nextOpening = nextOpening.orElse(null);
        this.zone = zone;
        this.forDesk = forDesk;
    }

    private static String code(boolean hasNext, boolean forDesk) {
        return "check-in.place-closed" + (forDesk ? ".desk" : "") + (hasNext ? "" : ".no-next-opening");
    }

    public String placeName() {
        return placeName;
    }

    public Optional<Instant> nextOpening() {
        return Optional.ofNullable(nextOpening);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean forDesk() {
        return forDesk;
    }
}
