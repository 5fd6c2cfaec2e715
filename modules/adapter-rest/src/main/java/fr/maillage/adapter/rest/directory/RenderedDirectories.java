package fr.maillage.adapter.rest.directory;

import fr.maillage.application.directory.port.in.PublicDirectoryQuery.Directory;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Rendered directories, reused while both their data and their time-dependent parts are unchanged: the data by the
 * directory's fingerprint, the time by the rendering's validity, which ends at the first instant any of its places
 * opens or closes, or at the next local midnight ("today" changes), or after a minute at most. So a reused rendering
 * is always exactly what a fresh one would be, to the minute.
 */
@Component
class RenderedDirectories {

    /** At most this many renderings are kept (networks × formats); beyond, the map is cleared. */
    private static final int MAX_ENTRIES = 2_000;

    record Rendering(String stamp, Instant validUntil, byte[] body) {
    }

    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();

    byte[] get(String key, String stamp, Instant now, Supplier<Directory> load, Function<Directory, byte[]> render) {
        Rendering cached = renderings.get(key);
        if (cached != null && cached.stamp().equals(stamp) && now.isBefore(cached.validUntil())) {
            return cached.body();
        }
        Directory directory = load.get();
        byte[] body = render.apply(directory);
        if (renderings.size() > MAX_ENTRIES) {
            renderings.clear();
        }
        renderings.put(key, new Rendering(stamp, validUntil(directory, now), body));
        return body;
    }

    static Instant validUntil(Directory directory, Instant now) {
        Instant until = now.plusSeconds(60);
        for (StoredPlace place : directory.places()) {
            var hours = place.hours();
            Instant midnight = ZonedDateTime.of(LocalDate.ofInstant(now, hours.zone()).plusDays(1),
                    java.time.LocalTime.MIDNIGHT, hours.zone()).toInstant();
            until = min(until, midnight);
            until = min(until, hours.nextOpening(now).orElse(until));
            until = min(until, hours.currentClosing(now).orElse(until));
        }
        return until;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
