package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.adapter.keycloak.testing.KeycloakTestServer;
import fr.maillage.domain.network.NetworkRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole application on a random port, on the embedded PostgreSQL and the real
 * Keycloak, both shared by the run. Tokens are real: people are created in Keycloak and log in with a password
 * grant. Each test works in networks of its own (unique slugs), so tests never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"maillage.api.max-body-bytes=4096", "maillage.identity.keycloak.clock-skew=1s",
                "maillage.memberships.lifecycle.enabled=false", "maillage.mail.relay.enabled=false",
                "maillage.members.import.max-body-bytes=262144",
                "maillage.members.import.max-rows=3000"})
abstract class EndToEndTest {

    static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.shared();
    static final String PASSWORD = "correct-horse-battery-staple";
    /** The body of a join: the person's names and their acceptance of the network's terms. */
    static final String JOIN = "{\"givenName\":\"Camille\",\"familyName\":\"Martin\",\"acceptTerms\":true}";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String adminEmail;
    private static String adminToken;
    private static Instant adminTokenAt = Instant.MIN;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("maillage.identity.keycloak.url", KEYCLOAK::url);
        StripeStub.properties(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** A platform admin's access token (one admin per run; the token is renewed before it expires). */
    static synchronized String platformAdmin() {
        if (adminEmail == null) {
            adminEmail = "admin-" + UUID.randomUUID() + "@maillage.test";
            KEYCLOAK.createUser(adminEmail, PASSWORD, "platform-admin");
        }
        if (adminTokenAt.isBefore(Instant.now().minus(Duration.ofMinutes(3)))) {
            adminToken = KEYCLOAK.accessToken(adminEmail, PASSWORD);
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }

    /** A signed-up person with no role anywhere. */
    static Person someone() {
        String email = "someone-" + UUID.randomUUID() + "@maillage.test";
        String subject = KEYCLOAK.createUser(email, PASSWORD);
        return new Person(subject, email, KEYCLOAK.accessToken(email, PASSWORD));
    }

    /** A person invited into the network with the role, through the API; their token names the network. */
    Person personIn(String slug, NetworkRole role) {
        Person person = someone();
        Api.Reply invited = api.post("/api/networks/" + slug + "/invitations",
                "{\"email\":\"" + person.email() + "\",\"role\":\"" + role + "\"}").token(platformAdmin()).send();
        if (invited.status() != 201) {
            throw new IllegalStateException("invitation failed: " + invited);
        }
        return new Person(person.subject(), person.email(), KEYCLOAK.accessToken(person.email(), PASSWORD));
    }

    /** A new network, created through the API by a platform admin; returns its slug. */
    String newNetwork(String prefix) {
        String slug = uniqueSlug(prefix);
        Api.Reply created = api.post("/api/networks", networkJson(slug, "Réseau " + prefix, "26"))
                .token(platformAdmin()).send();
        if (created.status() != 201) {
            throw new IllegalStateException("network creation failed: " + created);
        }
        return slug;
    }

    record Person(String subject, String email, String token) {
    }

    /**
     * The shop of the payment tests: a new network, its animator, a manager running one operator under the VAT
     * franchise (invoice prefix {@code invoicePrefix}) that sells La Serre's card, and a member if {@code withMember}
     * ({@code null} otherwise), all through the API of {@link #api}.
     */
    record CardShop(String slug, Person animator, Person manager, @org.jspecify.annotations.Nullable Person member,
            String operator, String card) {
    }

    /** A member file the manager records (no account); its id. */
    String memberFile(String slug, Person manager, String email, String givenName, String familyName) {
        Api.Reply created = api.post("/api/networks/" + slug + "/members", """
                {"email": "%s", "givenName": "%s", "familyName": "%s"}""".formatted(email, givenName, familyName))
                .token(manager.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The offer sold at the desk by the manager to the member; the membership's id. */
    String sellAtDesk(String slug, Person manager, String member, String offer) {
        Api.Reply sold = api.post(MembershipsIT.ofMember(slug, member), "{\"offerId\": \"" + offer + "\"}")
                .token(manager.token()).send();
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        return sold.json().get("id").asString();
    }

    CardShop cardShop(String slug, String operatorName, String invoicePrefix, boolean withMember) {
        List<Callable<Person>> invitations = new ArrayList<>(List.of(() -> personIn(slug, NetworkRole.ANIMATOR),
                () -> personIn(slug, NetworkRole.MANAGER)));
        if (withMember) {
            invitations.add(() -> personIn(slug, NetworkRole.MEMBER));
        }
        List<Person> people;
        try {
            people = concurrently(invitations);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Person animator = people.get(0);
        Person manager = people.get(1);
        Api.Reply created = api.post(SetupIT.operators(slug), SetupIT.operatorJson(operatorName, SetupIT.SIREN,
                "{\"type\":\"FRANCHISE\"}", invoicePrefix)).token(animator.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String operator = created.json().get("id").asString();
        Api.Reply scoped = api.put(SetupIT.managerOperators(slug, manager.subject()), "{\"operatorIds\":[\""
                + operator + "\"]}").token(animator.token()).send();
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(200);
        Api.Reply card = api.post(OffersIT.offers(slug), OffersIT.LA_SERRE_CARD.formatted(operator))
                .token(manager.token()).send();
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        return new CardShop(slug, animator, manager, withMember ? people.get(2) : null, operator,
                card.json().get("id").asString());
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
