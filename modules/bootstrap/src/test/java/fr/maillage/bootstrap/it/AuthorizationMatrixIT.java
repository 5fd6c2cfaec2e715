package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fr.maillage.domain.network.NetworkRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix: every endpoint of the API, called by every kind of caller, answers the status that
 * {@code authorization-matrix.csv} says (threats T1, T2, T9, T10 and T12 of docs/security.md).
 *
 * <p>The CSV has one row per endpoint and role: {@code method,path,role,status,body}. The path is the OpenAPI template
 * of {@code /v3/api-docs}; the body is JSON (RFC 4180 quoting) or empty. Placeholders: {@code {slug}} the target
 * network, {@code {subject}} a person who holds MEMBER there (a fresh one per row, so that a permitted revoke is 204),
 * {@code {manager}} the fixture's manager (in a path, it stands for the template's {@code {subject}}),
 * {@code {operatorId}} the fixture's operator (which the manager runs), {@code {placeId}} the fixture's place (of
 * that operator), {@code {offerId}} the fixture's offer (a card of that operator),
 * {@code {resourceId}} the fixture's resource (a meeting room of that place), {@code {memberId}} the member profile
 * of the fixture's member (who was invited as MEMBER, which gives a profile), {@code {membershipId}} a card of the
 * fixture's offer sold to that member (pending payment: so the member's own erasure answers 409
 * {@code member.erase.payment-pending}), {@code {bookingId}} the fixture
 * member's booking of it (the day after tomorrow, 10:00-11:00), {@code {start}} and {@code {end}} a free slot of it
 * (the same day, 12:00-13:00, local times), {@code {token}} the fixture member's calendar feed token,
 * {@code {cardHolderId}} a fresh member profile holding an active card of the fixture's offer, {@code {visitId}} a
 * fresh member's open visit at the fixture's place, {@code {checkInToken}} the current check-in token of the
 * fixture's place (open round the clock), {@code {freshMemberId}} the member profile of a person invited as MEMBER
 * for the row alone (in a path, it stands for the template's {@code {memberId}}: an erasure per row),
 * {@code {importId}} the fixture's member import (a dry run, finished), {@code {invoiceId}} the invoice of the
 * fixture's card sale (issued to the fixture's member), {@code {csv}} (a whole body) a CSV member
 * list of one row whose email no other row uses, sent as {@code text/csv}, {@code {role}} MEMBER, {@code {unique}}
 * a suffix no other row uses, {@code {prefix}} an invoice prefix no other row uses, {@code {network}} the target
 * network in the public directory's paths, {@code {place}} the public slug of the fixture's (open) place. The
 * fixture's member also holds an active card of the fixture's offer; for {@code POST /me/visit/check-out} they are
 * checked in.
 * Roles: {@code anonymous} (no token), {@code outsider} (signed up, no role anywhere),
 * {@code member}, {@code manager} (who runs the fixture's operator), {@code animator} (of the target network),
 * {@code animator-elsewhere} (animator of another network), {@code platform-admin} (who, for the self-service
 * endpoints under {@code /me/}, has joined the target network, so that they have a member profile there too).
 *
 * <p>Each endpoint gets a fresh fixture (a target network and its people, plus another network and its animator),
 * shared by the rows of that endpoint; its refused rows run first and its permitted ones last, so that a success
 * that changes the fixture (archiving) cannot affect another row. Every refused row must answer an RFC 9457 problem
 * and leave the target network as it was (the network, its people, its audit log, its operators, places, offers and
 * members, the bookings of its resource, the fixture's membership and its history, and neither the network nor the
 * account its body names may appear). The last test of the factory lists every mismatch at once.
 *
 * <p>{@link #every_endpoint_of_the_api_has_a_row_for_every_role()} compares the matrix with the OpenAPI document, so
 * that a new endpoint cannot ship without its rows.
 */
class AuthorizationMatrixIT extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    static final String MATRIX = "/authorization-matrix.csv";
    static final List<String> ROLES = List.of("anonymous", "outsider", "member", "manager", "animator",
            "animator-elsewhere", "platform-admin");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Set<String> PLACEHOLDERS = Set.of("slug", "subject", "manager", "operatorId", "placeId",
            "offerId", "resourceId", "memberId", "membershipId", "role", "unique", "prefix", "network", "place",
            "bookingId", "token", "start", "end", "cardHolderId", "visitId", "checkInToken", "freshMemberId",
            "importId", "csv", "invoiceId", "sessionId");
    /** Roles from whom the network is hidden: their 404s never say more than {@code network.not-found}. */
    private static final Set<String> OUTSIDE = Set.of("anonymous", "outsider", "animator-elsewhere");
    /** The public slug of the fixture's (open) place, derived from its name. */
    static final String FIXTURE_PLACE_SLUG = "lieu-de-la-matrice";

    @TestFactory
    Stream<DynamicNode> every_role_on_every_endpoint_gets_the_status_of_the_matrix() {
        List<Row> rows = matrix();
        Map<String, List<Row>> byEndpoint = new LinkedHashMap<>();
        rows.forEach(row -> byEndpoint.computeIfAbsent(row.endpoint(), e -> new ArrayList<>()).add(row));
        List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map.Entry<String, List<Row>> endpoint : byEndpoint.entrySet()) {
            Supplier<Fixture> fixture = once(() -> fixture(endpoint.getKey()));
            List<Row> ordered = endpoint.getValue().stream()
                    .sorted(Comparator.comparing(Row::permitted)) // refusals first, successes last (stable)
                    .toList();
            nodes.add(dynamicContainer(endpoint.getKey(), ordered.stream()
                    .map(row -> dynamicTest(row.name(), () -> check(row, fixture.get(), mismatches)))));
        }
        nodes.add(dynamicTest("every row of the matrix holds", () -> {
            SoftAssertions softly = new SoftAssertions();
            synchronized (mismatches) {
                mismatches.forEach(mismatch -> softly.fail(mismatch));
            }
            softly.assertAll();
        }));
        return nodes.stream();
    }

    @Test
    void every_endpoint_of_the_api_has_a_row_for_every_role() {
        Api.Reply reply = api.get("/v3/api-docs").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : reply.json().get("paths").properties()) {
            if (!path.getKey().equals("/api") && !path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : path.getValue().propertyNames()) {
                if (HTTP_METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(documented).as("the OpenAPI document lists the API").contains("GET /api/me",
                "GET /api/networks/{slug}");

        List<Row> rows = matrix();
        SoftAssertions softly = new SoftAssertions();
        Set<String> seen = new LinkedHashSet<>();
        for (Row row : rows) {
            softly.assertThat(seen.add(row.endpoint() + " as " + row.role()))
                    .as("line %d: a second row for %s as %s", row.line(), row.endpoint(), row.role()).isTrue();
            softly.assertThat(ROLES).as("line %d: the role of %s", row.line(), row.endpoint()).contains(row.role());
            softly.assertThat(documented).as("line %d: %s is not an endpoint of the OpenAPI document", row.line(),
                    row.endpoint()).contains(row.endpoint());
            softly.assertThat(row.status()).as("line %d: status", row.line()).isBetween(200, 599);
            Matcher placeholder = PLACEHOLDER.matcher(row.path() + " " + row.body());
            while (placeholder.find()) {
                softly.assertThat(PLACEHOLDERS).as("line %d: placeholder {%s}", row.line(), placeholder.group(1))
                        .contains(placeholder.group(1));
            }
        }
        for (String endpoint : documented) {
            for (String role : ROLES) {
                softly.assertThat(seen).as("%s has no row for the role %s in %s", endpoint, role, MATRIX)
                        .contains(endpoint + " as " + role);
            }
        }
        softly.assertAll();
    }

    // ---------------------------------------------------------------------------------------------- one row

    private void check(Row row, Fixture fixture, List<String> mismatches) {
        String unique = uniqueSlug("u").substring(2);
        String path = resolve(row.path(), fixture, unique);
        String body = row.body().isEmpty() ? null : resolve(row.body(), fixture, unique);
        boolean csv = row.body().equals("{csv}");
        boolean networkScoped = row.path().contains("{slug}");
        Snapshot before = row.permitted() || !networkScoped ? null : snapshot(fixture);

        Api.Call call = switch (row.method()) {
            case "GET" -> api.get(path);
            case "POST" -> csv ? api.post(path, body).header("Content-Type", "text/csv") : api.post(path, body);
            case "PUT" -> api.put(path, body);
            case "PATCH" -> api.patch(path, body);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalArgumentException("line " + row.line() + ": no client for " + row.method());
        };
        String token = fixture.tokens().get(row.role());
        if (token != null) {
            call.token(token);
        }
        Api.Reply reply = call.send();

        String described = "%s %s as %s: expected %d, got %d %s".formatted(row.method(), row.path(), row.role(),
                row.status(), reply.status(), reply.body());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(reply.status()).as(described).isEqualTo(row.status());
        if (reply.status() != row.status()) {
            mismatches.add(described);
        }
        if (reply.status() >= 400 && reply.status() < 500) {
            softly.assertThat(reply.contentType()).as("%s: an RFC 9457 problem", described)
                    .startsWith("application/problem+json");
            JsonNode problem = json(reply);
            softly.assertThat(problem.path("status").asInt()).as("%s: problem status", described)
                    .isEqualTo(reply.status());
            softly.assertThat(problem.path("type").asString("")).as("%s: problem type", described)
                    .startsWith("urn:maillage:problem:");
            softly.assertThat(problem.path("title").asString("")).as("%s: problem title", described).isNotBlank();
            if (reply.status() == 404 && row.status() == 404) {
                // Inside the network, a 404 may say what is missing: a platform admin has no member profile.
                softly.assertThat(problem.path("code").asString("")).as("%s: the network is hidden", described)
                        .isIn(OUTSIDE.contains(row.role()) ? List.of("network.not-found")
                                : row.path().contains("/me/invoices/")
                                        // the member's invoice is not the platform admin's (who joined)
                                        ? List.of("network.not-found", "member.not-found", "invoice.not-found")
                                        : List.of("network.not-found", "member.not-found", "checkout.not-found"));
            }
        }
        if (!row.permitted()) {
            if (before != null) {
                softly.assertThat(snapshot(fixture)).as("%s: a refused call changes nothing", described)
                        .isEqualTo(before);
            }
            if (body != null && !csv) {
                JsonNode sent = Api.JSON.readTree(body);
                if (sent.hasNonNull("slug")) {
                    softly.assertThat(networkRows(sent.get("slug").asString()))
                            .as("%s: no network created", described).isZero();
                }
                if (sent.hasNonNull("email")) {
                    softly.assertThat(KEYCLOAK.realm().users().searchByEmail(sent.get("email").asString(), true))
                            .as("%s: no account created", described).isEmpty();
                }
            }
        }
        softly.assertAll();
    }

    private String resolve(String template, Fixture fixture, String unique) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String value = switch (placeholder.group(1)) {
                case "slug", "network" -> fixture.slug();
                case "place" -> FIXTURE_PLACE_SLUG;
                case "subject" -> freshMember(fixture.slug(), unique);
                case "manager" -> fixture.manager();
                case "operatorId" -> fixture.operatorId();
                case "placeId" -> fixture.placeId();
                case "offerId" -> fixture.offerId();
                case "resourceId" -> fixture.resourceId();
                case "memberId" -> fixture.memberId();
                case "bookingId" -> fixture.bookingId();
                case "token" -> fixture.feedToken();
                case "start" -> fixture.slotDay() + "T12:00";
                case "end" -> fixture.slotDay() + "T13:00";
                case "membershipId" -> fixture.membershipId();
                case "freshMemberId" -> freshMemberProfile(fixture.slug(), unique);
                case "importId" -> fixture.importId();
                case "invoiceId" -> fixture.invoiceId();
                case "sessionId" -> fixture.sessionId();
                case "csv" -> "nom;prénom;email\nMartin;Camille;import-" + unique + "@maillage.test\n";
                case "role" -> NetworkRole.MEMBER.name();
                case "unique" -> unique;
                case "prefix" -> prefix(unique);
                case "cardHolderId" -> memberWithCard(fixture, unique).toString();
                case "visitId" -> visits().openVisit(fixture.slug(), UUID.fromString(fixture.placeId()),
                        memberWithCard(fixture, unique)).toString();
                case "checkInToken" -> api.get("/api/networks/" + fixture.slug() + "/places/" + fixture.placeId()
                        + "/check-in-code").token(platformAdmin()).send().json().get("token").asString();
                default -> throw new IllegalArgumentException("unknown placeholder " + placeholder.group());
            };
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    /** An invoice prefix (2 to 10 of A-Z, 0-9) made of the row's unique suffix. */
    private static String prefix(String unique) {
        String prefix = "P" + unique.replace("-", "").toUpperCase(Locale.ROOT);
        return prefix.substring(0, Math.min(10, prefix.length()));
    }

    /** Someone who holds MEMBER in the network (invited by a platform admin; no token needed). */
    private String freshMember(String slug, String unique) {
        Api.Reply invited = api.post("/api/networks/" + slug + "/invitations",
                "{\"email\":\"member-" + unique + "@maillage.test\",\"role\":\"MEMBER\"}").token(platformAdmin())
                .send();
        if (invited.status() != 201) {
            throw new IllegalStateException("invitation failed: " + invited);
        }
        return invited.json().get("subject").asString();
    }

    /** The member profile of someone invited as MEMBER in the network for this row alone. */
    private String freshMemberProfile(String slug, String unique) {
        freshMember(slug, unique);
        Api.Reply found = api.get("/api/networks/" + slug + "/members?q=member-" + unique + "@maillage.test")
                .token(platformAdmin()).send();
        if (found.status() != 200 || found.json().get("totalItems").asLong() != 1) {
            throw new IllegalStateException("the fresh member has no profile: " + found);
        }
        return found.json().get("items").get(0).get("id").asString();
    }

    /** A fresh member profile (no account, recorded through the API) holding a card of the fixture's offer. */
    private UUID memberWithCard(Fixture fixture, String unique) {
        UUID member = UUID.fromString(created(api.post("/api/networks/" + fixture.slug() + "/members",
                "{\"email\":\"profile-" + unique + "@maillage.test\",\"givenName\":\"Membre\",\"familyName\":\""
                        + unique + "\"}").token(platformAdmin()).send()));
        visits().hold(fixture.slug(), member, VisitFixtures.Holding.card(UUID.fromString(fixture.offerId()),
                UUID.fromString(fixture.operatorId()), "OPERATOR_PLACES", 10));
        return member;
    }

    private VisitFixtures visits() {
        return new VisitFixtures(dataSource);
    }

    // ---------------------------------------------------------------------------------------------- fixture

    /**
     * The target network with one person per role, an operator that its manager runs and a place of that operator, and
     * an animator of another network (built in parallel: most of the time goes into Keycloak's password hashing and
     * round trips).
     */
    record Fixture(String slug, Map<String, String> tokens, String manager, String operatorId, String placeId,
            String offerId, String resourceId, String memberId, String membershipId, LocalDate slotDay,
            String bookingId, String feedToken, String importId, String invoiceId,
            String sessionId) {
    }

    /** Open round the clock: bookings fit in it, and check-ins succeed whatever the time the tests run. */
    static final String FIXTURE_HOURS = CheckInWorld.ROUND_THE_CLOCK;

    static final String FIXTURE_RESOURCE = """
            {"kind": "MEETING_ROOM", "name": "Salle de la matrice", "capacity": 8, "pricePerHourCents": 1500}""";

    static final String FIXTURE_OPERATOR = """
            {"legalName": "Opérateur de la matrice", "siren": "200068765",
             "address": {"line1": "Place du Lac", "postalCode": "05700", "town": "Serres"},
             "vatRegime": {"type": "FRANCHISE"}, "invoicePrefix": "MATRIX"}""";

    private Fixture fixture(String endpoint) {
        boolean adminJoins = endpoint.contains("/me/");
        try {
            List<String> networks = concurrently(List.of(() -> newNetwork("matrix"), () -> newNetwork("elsewhere")));
            String slug = networks.get(0);
            List<Person> people = concurrently(List.<Callable<Person>>of(
                    () -> someone(),
                    () -> personIn(slug, NetworkRole.MEMBER),
                    () -> personIn(slug, NetworkRole.MANAGER),
                    () -> personIn(slug, NetworkRole.ANIMATOR),
                    () -> personIn(networks.get(1), NetworkRole.ANIMATOR)));
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("outsider", people.get(0).token());
            tokens.put("member", people.get(1).token());
            tokens.put("manager", people.get(2).token());
            tokens.put("animator", people.get(3).token());
            tokens.put("animator-elsewhere", people.get(4).token());
            tokens.put("platform-admin", platformAdmin());
            String manager = people.get(2).subject();
            String base = "/api/networks/" + slug;
            String operatorId = created(api.post(base + "/operators", FIXTURE_OPERATOR).token(platformAdmin()).send());
            String placeId = created(api.post(base + "/places", ("""
                    {"operatorId": "%s", "name": "Lieu de la matrice", "kinds": ["COWORKING"],
                     "address": {"line1": "Place du Lac", "postalCode": "05700", "town": "Serres"},
                     "commune": "Serres", "insee": "05166", "latitude": 44.43, "longitude": 5.72, "capacity": 10,
                     "hours": %s}""").formatted(operatorId, FIXTURE_HOURS)).token(platformAdmin()).send());
            Api.Reply scoped = api.put(base + "/managers/" + manager + "/operators",
                    "{\"operatorIds\":[\"" + operatorId + "\"]}").token(platformAdmin()).send();
            if (scoped.status() != 200) {
                throw new IllegalStateException("cannot scope the manager: " + scoped);
            }
            String offerId = created(api.post(base + "/offers", OffersIT.LA_SERRE_CARD.formatted(operatorId))
                    .token(platformAdmin()).send());
            String resourceId = created(api.post(base + "/places/" + placeId + "/resources", FIXTURE_RESOURCE)
                    .token(platformAdmin()).send());
            Api.Reply found = api.get(base + "/members?q=" + people.get(1).email()).token(platformAdmin()).send();
            if (found.status() != 200 || found.json().get("totalItems").asLong() != 1) {
                throw new IllegalStateException("the fixture's member has no profile: " + found);
            }
            String memberId = found.json().get("items").get(0).get("id").asString();
            String membershipId = created(api.post(base + "/members/" + memberId + "/memberships",
                    "{\"offerId\": \"" + offerId + "\"}").token(platformAdmin()).send());
            String importId = dryRunImport(base);
            Api.Reply invoices = api.get(base + "/invoices?member=" + memberId).token(platformAdmin()).send();
            if (invoices.status() != 200 || invoices.json().get("totalItems").asLong() != 1) {
                throw new IllegalStateException("the fixture's sale issued no invoice: " + invoices);
            }
            String invoiceId = invoices.json().get("items").get(0).get("id").asString();
            if (adminJoins) {
                Api.Reply joined = api.post(base + "/join", JOIN).token(platformAdmin()).send();
                if (joined.status() != 200) {
                    throw new IllegalStateException("the platform admin cannot join: " + joined);
                }
            }
            LocalDate slotDay = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2);
            String bookingId = created(api.post(base + "/resources/" + resourceId + "/bookings",
                    "{\"start\":\"" + slotDay + "T10:00\",\"end\":\"" + slotDay + "T11:00\"}")
                    .token(people.get(1).token()).send());
            Api.Reply feed = api.post(base + "/me/bookings/feed/rotate", null).token(people.get(1).token()).send();
            if (feed.status() != 200) {
                throw new IllegalStateException("no calendar feed: " + feed);
            }
            String url = feed.json().get("url").asString();
            String feedToken = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
            // The member holds an active card of the fixture's offer; to check out, they are in the place.
            visits().hold(slug, UUID.fromString(memberId), VisitFixtures.Holding.card(UUID.fromString(offerId),
                    UUID.fromString(operatorId), "OPERATOR_PLACES", 10));
            if (endpoint.equals("POST /api/networks/{slug}/me/visit/check-out")) {
                visits().openVisit(slug, UUID.fromString(placeId), UUID.fromString(memberId));
            }
            String sessionId = "";
            if (endpoint.contains("/stripe-account") || endpoint.contains("/me/checkout")) {
                // The operator takes online payments; the member opened a Checkout session.
                StripeStub.connectAndEnable(api, slug, operatorId, platformAdmin());
                sessionId = api.post(base + "/me/checkout", "{\"offerId\": \"" + offerId + "\"}")
                        .token(people.get(1).token()).send().json().get("sessionId").asString();
            }
            return new Fixture(slug, tokens, manager, operatorId, placeId, offerId, resourceId, memberId,
                    membershipId, slotDay, bookingId, feedToken, importId, invoiceId, sessionId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the fixture", e);
        }
    }

    /** A member import that validates one row and writes nothing (a dry run), finished before the rows run. */
    private String dryRunImport(String base) throws InterruptedException {
        Api.Reply started = api.post(base + "/member-imports?dryRun=true", "nom;prénom;email\nMartin;Camille;"
                + "dry-run@maillage.test\n").header("Content-Type", "text/csv").token(platformAdmin()).send();
        if (started.status() != 202) {
            throw new IllegalStateException("fixture import failed: " + started);
        }
        String id = started.json().get("id").asString();
        for (int i = 0; i < 500; i++) {
            String status = api.get(base + "/member-imports/" + id).token(platformAdmin()).send().json()
                    .get("status").asString();
            if (status.equals("SUCCEEDED")) {
                return id;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("fixture import failed: " + status);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the fixture's import did not finish");
    }

    private static String created(Api.Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("fixture creation failed: " + reply);
        }
        return reply.json().get("id").asString();
    }

    /** What a refused call must leave as it was, read by a platform admin. */
    record Snapshot(JsonNode network, JsonNode people, JsonNode audit, JsonNode operators, JsonNode places,
            JsonNode offers, JsonNode members, JsonNode bookings, JsonNode membership,
            JsonNode membershipHistory) {
    }

    private Snapshot snapshot(Fixture fixture) {
        String admin = platformAdmin();
        String base = "/api/networks/" + fixture.slug();
        return new Snapshot(json(api.get(base).token(admin).send()),
                json(api.get(base + "/people?size=100").token(admin).send()).path("items"),
                json(api.get(base + "/audit?size=100").token(admin).send()).path("items"),
                json(api.get(base + "/operators?size=100").token(admin).send()).path("items"),
                json(api.get(base + "/places?size=100").token(admin).send()).path("items"),
                json(api.get(base + "/offers?size=100").token(admin).send()).path("items"),
                json(api.get(base + "/members?size=100").token(admin).send()).path("items"),
                json(api.get(base + "/resources/" + fixture.resourceId() + "/bookings").token(admin).send())
                        .path("bookings"),
                json(api.get(base + "/memberships/" + fixture.membershipId()).token(admin).send()),
                json(api.get(base + "/memberships/" + fixture.membershipId() + "/history").token(admin).send()));
    }

    private static JsonNode json(Api.Reply reply) {
        try {
            return reply.json();
        } catch (RuntimeException notJson) {
            return Api.JSON.createObjectNode().put("unreadable", reply.toString());
        }
    }

    /** Computes the value on first use; a failure is remembered too, so that a broken fixture is built once. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private @Nullable T value;
            private @Nullable RuntimeException failure;

            @Override
            public synchronized T get() {
                if (failure != null) {
                    throw failure;
                }
                if (value == null) {
                    try {
                        value = Objects.requireNonNull(supplier.get());
                    } catch (RuntimeException e) {
                        failure = e;
                        throw e;
                    }
                }
                return value;
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- the CSV

    record Row(int line, String method, String path, String role, int status, String body) {

        /** The endpoint as the OpenAPI document names it ({@code {manager}} is a {@code {subject}}). */
        String endpoint() {
            return method + " " + path.replace("{manager}", "{subject}").replace("{freshMemberId}", "{memberId}");
        }

        boolean permitted() {
            return status >= 200 && status < 300;
        }

        String name() {
            return role + ": " + method + " " + path + " → " + status;
        }
    }

    static List<Row> matrix() {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(MATRIX)) {
            if (in == null) {
                throw new IllegalStateException(MATRIX + " is not on the test class path");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .toList();
            assertThat(lines).as(MATRIX).isNotEmpty();
            assertThat(lines.getFirst()).as("the header of " + MATRIX).isEqualTo("method,path,role,status,body");
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                List<String> cells = csvCells(lines.get(i), i + 1);
                if (cells.size() != 5) {
                    throw new IllegalStateException(MATRIX + " line " + (i + 1) + ": 5 cells expected, found "
                            + cells.size() + ": " + lines.get(i));
                }
                rows.add(new Row(i + 1, cells.get(0).strip().toUpperCase(Locale.ROOT), cells.get(1).strip(),
                        cells.get(2).strip(), Integer.parseInt(cells.get(3).strip()), cells.get(4).strip()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of one CSV line (RFC 4180: a quoted cell may hold commas, and doubled quotes for a quote). */
    private static List<String> csvCells(String line, int number) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(MATRIX + " line " + number + ": unclosed quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
