package fr.maillage.adapter.rest.directory;

import fr.maillage.adapter.rest.shared.ICalendar;
import fr.maillage.application.directory.port.in.PublicDirectoryQuery;
import fr.maillage.application.directory.port.in.PublicDirectoryQuery.Directory;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public directory of a network, without login: JSON, GeoJSON (RFC 7946), CSV (open data) and an iCalendar feed
 * of each place's openings. Every answer carries a strong ETag over its bytes and may be cached for a minute; a
 * request whose {@code If-None-Match} holds the ETag gets 304 without a body.
 */
@RestController
@RequestMapping("/api/public/networks/{network}")
@Tag(name = "Public directory", description = "Open places, hours and prices of a network, for everyone")
class PublicDirectoryController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final PublicDirectoryQuery directory;
    private final JsonMapper json;
    private final Clock clock;
    private final RenderedDirectories renderings;

    PublicDirectoryController(PublicDirectoryQuery directory, JsonMapper json, Clock clock,
            RenderedDirectories renderings) {
        this.directory = directory;
        this.json = json;
        this.clock = clock;
        this.renderings = renderings;
    }

    /** The directory in one format, rendered anew only when its data or its hours changed. */
    private RenderedDirectories.Rendering render(String network, String format, HttpServletRequest request,
            java.util.function.BiFunction<Directory, Instant, byte[]> renderer) {
        NetworkSlug slug = slug(network);
        Instant now = clock.instant();
        String key = slug.value() + "|" + format + "|" + base(request);
        String stamp = renderings.stamp(slug.value(), now, () -> directory.stamp(slug));
        return renderings.get(key, stamp, now, () -> directory.directory(slug), d -> renderer.apply(d, now));
    }

    @Operation(summary = "The open places of a network", description = "Hours of today and of the week, open now, "
            + "next opening. No login.")
    @GetMapping(path = "/places", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> places(@PathVariable String network, HttpServletRequest request) {
        return cached(request, MediaType.APPLICATION_JSON, render(network, "json", request, (d, now) ->
                json.writeValueAsBytes(DirectoryFormats.directory(d, now, base(request)))));
    }

    @Operation(summary = "The open places as GeoJSON (RFC 7946)", description = "A FeatureCollection of points.")
    @GetMapping(path = "/places.geojson", produces = "application/geo+json")
    ResponseEntity<byte[]> geoJson(@PathVariable String network, HttpServletRequest request) {
        return cached(request, GEO_JSON, render(network, "geojson", request, (d, now) ->
                json.writeValueAsBytes(DirectoryFormats.geoJson(d, now, base(request)))));
    }

    @Operation(summary = "The open places as CSV", description = "Columns documented in the API guide.")
    @GetMapping(path = "/places.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable String network, HttpServletRequest request) {
        return cached(request, CSV, render(network, "csv", request, (d, now) -> DirectoryFormats.csv(d.places(), now)));
    }

    @Operation(summary = "One open place")
    @GetMapping(path = "/places/{place}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> place(@PathVariable String network, @PathVariable String place,
            HttpServletRequest request) {
        var stored = directory.openPlace(slug(network), placeSlug(place));
        Map<String, Object> body = DirectoryFormats.place(stored, directory.offersAt(slug(network), stored.place()),
                clock.instant(), base(request), network);
        return cached(request, MediaType.APPLICATION_JSON, once(json.writeValueAsBytes(body)));
    }

    @Operation(summary = "The openings of a place for the coming 8 weeks (iCalendar)")
    @GetMapping(path = "/places/{place}/openings.ics", produces = "text/calendar")
    ResponseEntity<byte[]> openings(@PathVariable String network, @PathVariable String place,
            HttpServletRequest request) {
        var stored = directory.openPlace(slug(network), placeSlug(place));
        return cached(request, ICalendar.MEDIA_TYPE, once(DirectoryFormats.ics(stored, clock.instant(), 8)));
    }

    private static RenderedDirectories.Rendering once(byte[] body) {
        return new RenderedDirectories.Rendering("", Instant.MIN, body, RenderedDirectories.etag(body));
    }

    private static ResponseEntity<byte[]> cached(HttpServletRequest request, MediaType type,
            RenderedDirectories.Rendering rendering) {
        byte[] body = rendering.body();
        String etag = rendering.etag();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(CACHE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).body(body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    private static NetworkSlug slug(String raw) {
        try {
            return NetworkSlug.of(raw);
        } catch (InvalidValueException e) {
            throw new NotFoundException("network.not-found", raw);
        }
    }

    private static Slug placeSlug(String raw) {
        try {
            return Slug.of(raw);
        } catch (InvalidValueException e) {
            throw new NotFoundException("place.not-found");
        }
    }
}
