package fr.maillage.bootstrap.it;

import fr.maillage.adapter.rest.security.DevTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the end-to-end tests: the whole application on a random port, on the embedded PostgreSQL shared by the
 * run, with the development token issuer standing in for the identity provider. Each test works in networks of its
 * own (unique slugs), so tests never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"maillage.security.dev-issuer.enabled=true", "maillage.api.max-body-bytes=4096"})
abstract class EndToEndTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    DevTokenIssuer issuer;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    String platformAdmin() {
        return issuer.mint("admin-" + UUID.randomUUID(), List.of("platform-admin"), Duration.ofMinutes(5));
    }

    String someone() {
        return issuer.mint("member-" + UUID.randomUUID(), List.of(), Duration.ofMinutes(5));
    }

    /** A slug no other test uses. */
    static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
    }

    static String networkJson(String slug, String name, String... territory) {
        StringBuilder codes = new StringBuilder();
        for (String code : territory) {
            codes.append(codes.isEmpty() ? "" : ",").append('"').append(code).append('"');
        }
        return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"territory\":[" + codes + "]}";
    }

    /** Runs the calls at the same time, one thread each, and returns their results in order. */
    static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            for (Future<T> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
        }
        return results;
    }

    long networkRows(String slug) {
        Long count = jdbc.queryForObject("select count(*) from network where slug = ?", Long.class, slug);
        return count == null ? 0 : count;
    }
}
