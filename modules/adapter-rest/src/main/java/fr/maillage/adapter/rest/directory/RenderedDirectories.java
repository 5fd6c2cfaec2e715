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
public class RenderedDirectories {

    /** At most this many renderings are kept (networks × formats); beyond, the map is cleared. */
    private static final int MAX_ENTRIES = 2_000;

    /** A rendering, with its strong ETag (a digest of its bytes, computed once). */
    record Rendering(String stamp, Instant validUntil, byte[] body, String etag) {
    }

    /** How long a network's data fingerprint is trusted before the database is asked again. */
    static final java.time.Duration STAMP_TRUST = java.time.Duration.ofSeconds(1);

    private record Stamp(String value, Instant checkedAt) {
    }

    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    /**
     * The network's data fingerprint, asked of the database at most once a {@link #STAMP_TRUST}: a change made
     * through this instance shows at once ({@link #changed}); one made through another instance within a second.
     */
    String stamp(String network, Instant now, Supplier<String> query) {
        Stamp known = stamps.get(network);
        if (known != null && now.isBefore(known.checkedAt().plus(STAMP_TRUST))) {
            return known.value();
        }
        Stamp fresh = new Stamp(query.get(), now);
        stamps.put(network, fresh);
        return fresh.value();
    }

    /** Forgets what was rendered for a network, after a change to it or its places. */
    public void changed(String network) {
        stamps.remove(network);
        renderings.keySet().removeIf(key -> key.startsWith(network + "|"));
    }

    Rendering get(String key, String stamp, Instant now, Supplier<Directory> load,
            Function<Directory, byte[]> render) {
        Rendering cached = renderings.get(key);
        if (cached != null && cached.stamp().equals(stamp) && now.isBefore(cached.validUntil())) {
            return cached;
        }
        Directory directory = load.get();
        byte[] body = render.apply(directory);
        Rendering rendering = new Rendering(stamp, validUntil(directory, now), body, etag(body));
        if (renderings.size() > MAX_ENTRIES) {
            renderings.clear();
        }
        renderings.put(key, rendering);
        return rendering;
    }

    /** A strong ETag: the first 128 bits of the SHA-256 of the bytes, base64url. */
    static String etag(byte[] body) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
