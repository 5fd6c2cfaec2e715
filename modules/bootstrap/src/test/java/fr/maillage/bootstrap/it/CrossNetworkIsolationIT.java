package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.Inspect.memberships;
import static fr.maillage.bootstrap.it.Inspect.organizationMembers;
import static fr.maillage.bootstrap.it.Inspect.organizationsIn;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.network.NetworkRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Threat T1 of docs/security.md: people of network A, whatever their role there, cannot read or change anything of
 * network B. For them B does not exist (404, never 403), a refused call changes nothing (checked afterwards through
 * B's own animator, and in Keycloak), and no list they can read holds B's objects. Joining is the one documented
 * exception: networks are open communities.
 */
class CrossNetworkIsolationIT extends EndToEndTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    /** A network created by a platform admin, with an animator, a manager and a member invited through the API. */
    record Side(String slug, Person animator, Person manager, Person member) {

        List<Person> people() {
            return List.of(animator, manager, member);
        }

        Set<String> subjects() {
            return people().stream().map(Person::subject).collect(Collectors.toSet());
        }
    }

    /** A call made by one of A's people against B (a JSON body, or a CSV one for an import). */
    record Attempt(String method, String path, @Nullable String body, String contentType) {

        Attempt(String method, String path, @Nullable String body) {
            this(method, path, body, "application/json");
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    @Test
    void people_of_one_network_get_404_for_everything_in_another_and_change_nothing() throws Exception {
        List<Side> sides = concurrently(List.<Callable<Side>>of(() -> side("iso-a"), () -> side("iso-b")));
        Side a = sides.get(0);
        Side b = sides.get(1);
        String bPath = "/api/networks/" + b.slug();
        // A card of B's operator sold to B's member: B's memberships are targets too.
        String bMember = memberId(b.slug(), b.member().email(), b.animator().token());
        String bOperator = created(api.post(bPath + "/operators", AuthorizationMatrixIT.FIXTURE_OPERATOR)
                .token(b.animator().token()).send());
        String bOffer = created(api.post(bPath + "/offers", OffersIT.LA_SERRE_CARD.formatted(bOperator))
                .token(b.animator().token()).send());
        String bMembership = created(api.post(bPath + "/members/" + bMember + "/memberships",
                "{\"offerId\":\"" + bOffer + "\"}").token(b.animator().token()).send());
        JsonNode membershipBefore = api.get(bPath + "/memberships/" + bMembership).token(b.animator().token())
                .send().json();
        // The sale issued B's invoice: a target too.
        String bInvoice = api.get(bPath + "/invoices").token(b.animator().token()).send().json().get("items").get(0)
                .get("id").asString();
        // B's place, open round the clock, where B's member (holding an active card) is checked in.
        VisitFixtures fixtures = new VisitFixtures(dataSource);
        String somePlace = created(api.post(bPath + "/places", SetupIT.laSerreJson(bOperator,
                CheckInWorld.ROUND_THE_CLOCK)).token(b.animator().token()).send());
        UUID bCard = fixtures.hold(b.slug(), UUID.fromString(bMember), VisitFixtures.Holding.card(
                UUID.fromString(bOffer), UUID.fromString(bOperator), "OPERATOR_PLACES", 10));
        String bToken = api.get(bPath + "/places/" + somePlace + "/check-in-code").token(b.animator().token()).send()
                .json().get("token").asString();
        UUID bVisit = CheckInWorld.created(api.post(bPath + "/check-ins", "{\"token\":\"" + bToken + "\"}")
                .token(b.member().token()).send());
        String bImport = dryRunImport(b);
        String csv = "nom;prénom;email\nIntrus;Intrus;intrus@example.org\n";
        // B's operator takes payments online (its Stripe account), and B's member opened a Checkout session.
        StripeStub.connectAndEnable(api, b.slug(), bOperator, b.animator().token());
        String bSession = api.post(bPath + "/me/checkout", "{\"offerId\":\"" + bOffer + "\"}")
                .token(b.member().token()).send().json().get("sessionId").asString();
        // B's platform fee, set by a platform admin.
        Api.Reply feeSet = api.put(bPath + "/platform-fee", "{\"fixedCents\":25,\"perMille\":10}")
                .token(platformAdmin()).send();
        assertThat(feeSet.status()).as(feeSet.toString()).isEqualTo(200);
        // B's invoices once everything of B is in place.
        JsonNode invoicesBefore = api.get(bPath + "/invoices").token(b.animator().token()).send().json();
        State before = state(b);
        List<String> intruderEmails = new ArrayList<>();

        SoftAssertions softly = new SoftAssertions();
        for (Person intruder : a.people()) {
            String newcomer = "intruder-" + UUID.randomUUID() + "@maillage.test";
            intruderEmails.add(newcomer);
            List<Attempt> attempts = List.of(
                    new Attempt("GET", bPath, null),
                    new Attempt("PATCH", bPath, "{\"name\":\"Réseau piraté\"}"),
                    new Attempt("PATCH", bPath, "{\"territory\":[\"13\"],\"timeZone\":\"Europe/Paris\"}"),
                    new Attempt("POST", bPath + "/archive", null),
                    new Attempt("POST", bPath + "/invitations", invitation(newcomer, NetworkRole.ANIMATOR)),
                    new Attempt("POST", bPath + "/invitations", invitation(intruder.email(), NetworkRole.ANIMATOR)),
                    new Attempt("GET", bPath + "/people", null),
                    new Attempt("GET", bPath + "/people?page=0&size=100", null),
                    new Attempt("DELETE", bPath + "/people/" + b.member().subject() + "/roles/MEMBER", null),
                    new Attempt("DELETE", bPath + "/people/" + b.manager().subject() + "/roles/MANAGER", null),
                    new Attempt("DELETE", bPath + "/people/" + b.animator().subject() + "/roles/ANIMATOR", null),
                    new Attempt("GET", bPath + "/audit", null),
                    new Attempt("GET", bPath + "/outbox", null),
                    new Attempt("POST", bPath + "/outbox/retry-failed", null),
                    new Attempt("GET", bPath + "/audit?page=0&size=100", null),
                    // Check-ins, visits and reports of B's place, member and visit.
                    new Attempt("GET", bPath + "/places/" + somePlace + "/check-in-code", null),
                    new Attempt("GET", bPath + "/places/" + somePlace + "/check-in-code.svg", null),
                    new Attempt("POST", bPath + "/check-ins", "{\"token\":\"" + bToken + "\"}"),
                    new Attempt("POST", bPath + "/places/" + somePlace + "/check-ins",
                            "{\"memberId\":\"" + bMember + "\",\"overrideReason\":\"Intrusion\"}"),
                    new Attempt("POST", bPath + "/visits/" + bVisit + "/check-out", null),
                    new Attempt("POST", bPath + "/me/visit/check-out", null),
                    new Attempt("GET", bPath + "/places/" + somePlace + "/presence", null),
                    new Attempt("GET", bPath + "/places/" + somePlace + "/visits", null),
                    new Attempt("GET", bPath + "/me/visits", null),
                    new Attempt("GET", bPath + "/attendance", null),
                    new Attempt("GET", bPath + "/attendance?granularity=MONTH&from=2026-01-01&to=2026-12-31", null),
                    new Attempt("GET", bPath + "/settlements", null),
                    new Attempt("GET", bPath + "/settlements.csv?month=2026-03", null),
                    new Attempt("GET", bPath + "/members", null),
                    new Attempt("GET", bPath + "/members?q=" + b.member().email(), null),
                    new Attempt("GET", bPath + "/members/" + bMember, null),
                    new Attempt("PATCH", bPath + "/members/" + bMember, "{\"company\":\"Piratage SA\"}"),
                    new Attempt("POST", bPath + "/members", "{\"email\":\"" + newcomer
                            + "\",\"givenName\":\"Intrus\",\"familyName\":\"Intrus\",\"invite\":true}"),
                    new Attempt("GET", bPath + "/me/member", null),
                    new Attempt("PATCH", bPath + "/me/member", "{\"company\":\"Piratage SA\"}"),
                    new Attempt("GET", bPath + "/members/" + bMember + "/memberships", null),
                    new Attempt("POST", bPath + "/members/" + bMember + "/memberships",
                            "{\"offerId\":\"" + bOffer + "\"}"),
                    new Attempt("GET", bPath + "/memberships/" + bMembership, null),
                    new Attempt("GET", bPath + "/memberships/" + bMembership + "/history", null),
                    new Attempt("POST", bPath + "/memberships/" + bMembership + "/payments",
                            "{\"method\":\"CASH\",\"amountCents\":100}"),
                    new Attempt("POST", bPath + "/memberships/" + bMembership + "/refunds",
                            "{\"method\":\"CASH\",\"amountCents\":100}"),
                    new Attempt("POST", bPath + "/memberships/" + bMembership + "/cancel",
                            "{\"reason\":\"Intrusion\"}"),
                    new Attempt("PUT", bPath + "/memberships/" + bMembership + "/auto-renew",
                            "{\"autoRenew\":false}"),
                    new Attempt("GET", bPath + "/me/memberships", null),
                    new Attempt("GET", bPath + "/invoices", null),
                    new Attempt("GET", bPath + "/invoices?member=" + bMember, null),
                    new Attempt("GET", bPath + "/invoices/" + bInvoice, null),
                    new Attempt("GET", bPath + "/invoices/" + bInvoice + "/pdf", null),
                    new Attempt("GET", bPath + "/operators/" + bOperator + "/invoices/integrity", null),
                    new Attempt("GET", bPath + "/me/invoices", null),
                    new Attempt("GET", bPath + "/operators/" + bOperator + "/accounting/invoices.csv", null),
                    new Attempt("GET", bPath + "/operators/" + bOperator + "/accounting/payments.csv", null),
                    new Attempt("GET", bPath + "/operators/" + bOperator + "/accounting/fec?from=2026-01-01&to="
                            + "2026-12-31", null),
                    new Attempt("GET", bPath + "/me/invoices/" + bInvoice, null),
                    new Attempt("GET", bPath + "/me/invoices/" + bInvoice + "/pdf", null),
                    new Attempt("GET", bPath + "/operators/" + bOperator + "/stripe-account", null),
                    new Attempt("POST", bPath + "/operators/" + bOperator + "/stripe-account", null),
                    new Attempt("POST", bPath + "/me/checkout", "{\"offerId\":\"" + bOffer + "\"}"),
                    new Attempt("GET", bPath + "/me/checkout/" + bSession, null),
                    new Attempt("GET", bPath + "/platform-fee", null),
                    new Attempt("PUT", bPath + "/platform-fee", "{\"fixedCents\":0,\"perMille\":0}"),
                    new Attempt("DELETE", bPath + "/platform-fee", null),
                    new Attempt("POST", bPath + "/member-imports", csv, "text/csv"),
                    new Attempt("POST", bPath + "/member-imports?dryRun=true", csv, "text/csv"),
                    new Attempt("GET", bPath + "/member-imports/" + bImport, null),
                    new Attempt("GET", bPath + "/member-imports/" + bImport + "/errors.csv", null),
                    new Attempt("GET", bPath + "/members/" + bMember + "/export", null),
                    new Attempt("POST", bPath + "/members/" + bMember + "/erase", "{\"confirm\":true}"),
                    new Attempt("GET", bPath + "/me/member/export", null),
                    new Attempt("POST", bPath + "/me/member/erase", "{\"confirm\":true}"));
            for (Attempt attempt : attempts) {
                Api.Reply reply = send(attempt, intruder.token());
                String described = roleOf(a, intruder) + " of A: " + attempt + " -> " + reply;
                softly.assertThat(reply.status()).as(described).isEqualTo(404);
                softly.assertThat(reply.contentType()).as(described).startsWith("application/problem+json");
                softly.assertThat(code(reply)).as(described).isEqualTo("network.not-found");
            }
        }
        // A's animator, through A's own path, aims at a person of B: B's role is not found in A, and stays.
        Api.Reply throughOwnPath = api.delete("/api/networks/" + a.slug() + "/people/" + b.member().subject()
                + "/roles/MEMBER").token(a.animator().token()).send();
        softly.assertThat(throughOwnPath.status()).as(throughOwnPath.toString()).isEqualTo(404);
        softly.assertThat(code(throughOwnPath)).isEqualTo("person.role.not-found");
        // ... and at B's member, through A's members: not found in A, unchanged.
        for (Api.Reply reply : List.of(
                api.get("/api/networks/" + a.slug() + "/members/" + bMember).token(a.animator().token()).send(),
                api.patch("/api/networks/" + a.slug() + "/members/" + bMember, "{\"company\":\"Piratage SA\"}")
                        .token(a.manager().token()).send(),
                api.get("/api/networks/" + a.slug() + "/members/" + bMember + "/export").token(a.animator().token())
                        .send(),
                api.post("/api/networks/" + a.slug() + "/members/" + bMember + "/erase", "{\"confirm\":true}")
                        .token(a.animator().token()).send())) {
            softly.assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            softly.assertThat(code(reply)).as(reply.toString()).isEqualTo("member.not-found");
        }
        for (Api.Call call : List.of(api.get("/api/networks/" + a.slug() + "/memberships/" + bMembership),
                api.post("/api/networks/" + a.slug() + "/memberships/" + bMembership + "/payments",
                        "{\"method\":\"CASH\",\"amountCents\":100}"),
                api.post("/api/networks/" + a.slug() + "/memberships/" + bMembership + "/refunds",
                        "{\"method\":\"CASH\",\"amountCents\":100}"),
                api.post("/api/networks/" + a.slug() + "/memberships/" + bMembership + "/cancel",
                        "{\"reason\":\"Intrusion\"}"),
                api.put("/api/networks/" + a.slug() + "/memberships/" + bMembership + "/auto-renew",
                        "{\"autoRenew\":false}"))) {
            Api.Reply reply = call.token(a.animator().token()).send();
            softly.assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            softly.assertThat(code(reply)).isEqualTo("membership.not-found");
        }
        Api.Reply memberThroughOwnPath = api.get("/api/networks/" + a.slug() + "/members/" + bMember
                + "/memberships").token(a.animator().token()).send();
        softly.assertThat(memberThroughOwnPath.status()).isEqualTo(404);
        softly.assertThat(code(memberThroughOwnPath)).isEqualTo("member.not-found");
        // ... and at B's invoice and operator, through A's paths.
        for (String path : List.of("/invoices/" + bInvoice, "/invoices/" + bInvoice + "/pdf")) {
            Api.Reply reply = api.get("/api/networks/" + a.slug() + path).token(a.animator().token()).send();
            softly.assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            softly.assertThat(code(reply)).isEqualTo("invoice.not-found");
        }
        Api.Reply chainThroughA = api.get("/api/networks/" + a.slug() + "/operators/" + bOperator
                + "/invoices/integrity").token(a.animator().token()).send();
        softly.assertThat(chainThroughA.status()).as(chainThroughA.toString()).isEqualTo(404);
        softly.assertThat(code(chainThroughA)).isEqualTo("operator.not-found");
        // ... and at B's Stripe account, offer and Checkout session, through A's own paths.
        Api.Reply accountThroughA = api.post("/api/networks/" + a.slug() + "/operators/" + bOperator
                + "/stripe-account", null).token(a.animator().token()).send();
        softly.assertThat(accountThroughA.status()).as(accountThroughA.toString()).isEqualTo(404);
        softly.assertThat(code(accountThroughA)).isEqualTo("operator.not-found");
        Api.Reply offerThroughA = api.post("/api/networks/" + a.slug() + "/me/checkout", "{\"offerId\":\"" + bOffer
                + "\"}").token(a.member().token()).send();
        softly.assertThat(offerThroughA.status()).as(offerThroughA.toString()).isEqualTo(404);
        softly.assertThat(code(offerThroughA)).isEqualTo("offer.not-found");
        Api.Reply sessionThroughA = api.get("/api/networks/" + a.slug() + "/me/checkout/" + bSession)
                .token(a.member().token()).send();
        softly.assertThat(sessionThroughA.status()).as(sessionThroughA.toString()).isEqualTo(404);
        softly.assertThat(code(sessionThroughA)).isEqualTo("checkout.not-found");
        // ... and at B's import, through A's imports.
        Api.Reply importThroughA = api.get("/api/networks/" + a.slug() + "/member-imports/" + bImport)
                .token(a.animator().token()).send();
        softly.assertThat(importThroughA.status()).as(importThroughA.toString()).isEqualTo(404);
        softly.assertThat(code(importThroughA)).isEqualTo("member.import.not-found");
        softly.assertAll();

        State after = state(b);
        assertThat(after.network().get("name")).isEqualTo(before.network().get("name"));
        assertThat(after.network().get("version")).isEqualTo(before.network().get("version"));
        assertThat(after.network().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(after).as("B, read by its own animator, is as it was").isEqualTo(before);
        assertThat(api.get(bPath + "/memberships/" + bMembership).token(b.animator().token()).send().json())
                .as("B's membership is as it was").isEqualTo(membershipBefore);
        assertThat(api.get(bPath + "/invoices").token(b.animator().token()).send().json())
                .as("B's invoices are as they were").isEqualTo(invoicesBefore);
        assertThat(api.get(bPath + "/platform-fee").token(b.animator().token()).send().json())
                .as("B's platform fee is as it was").isEqualTo(feeSet.json());
        assertThat(after.people()).containsOnlyKeys(b.subjects().toArray(String[]::new));
        assertThat(after.people()).containsEntry(b.animator().subject(), List.of("ANIMATOR"))
                .containsEntry(b.manager().subject(), List.of("MANAGER"))
                .containsEntry(b.member().subject(), List.of("MEMBER"));
        assertThat(after.auditCount()).as("B's audit log has no new event").isEqualTo(before.auditCount());
        assertThat(fixtures.rows(b.slug(), "select id from visit")).as("B's visits")
                .containsExactly(Map.of("id", bVisit));
        assertThat(fixtures.count(b.slug(), "select count(*) from visit where checked_out_at is null")).isEqualTo(1);
        assertThat(fixtures.entriesRemaining(b.slug(), bCard)).as("B's card").isEqualTo(9);
        // B's token, used by A's member in A, is not A's: invalid.
        Api.Reply foreignToken = api.post("/api/networks/" + a.slug() + "/check-ins", "{\"token\":\"" + bToken
                + "\"}").token(a.member().token()).send();
        assertThat(foreignToken.status()).as(foreignToken.toString()).isEqualTo(400);
        assertThat(code(foreignToken)).isEqualTo("check-in.token.invalid");
        for (String email : intruderEmails) {
            assertThat(KEYCLOAK.realm().users().searchByEmail(email, true)).as("no account for " + email).isEmpty();
        }
        assertThat(organizationMembers(b.slug())).as("B's organization in Keycloak")
                .containsExactlyInAnyOrderElementsOf(b.subjects());
    }

    @Test
    void no_list_a_person_can_read_holds_another_networks_objects() throws Exception {
        List<Side> sides = concurrently(List.<Callable<Side>>of(() -> side("lists-a"), () -> side("lists-b")));
        Side a = sides.get(0);
        Side b = sides.get(1);
        // Some activity in each network, so that both audit logs hold more than their creation.
        assertThat(api.patch("/api/networks/" + a.slug(), "{\"name\":\"Réseau A renommé\"}")
                .token(a.animator().token()).send().status()).isEqualTo(200);
        assertThat(api.post("/api/networks/" + b.slug() + "/invitations",
                invitation("b-newcomer-" + UUID.randomUUID() + "@maillage.test", NetworkRole.MEMBER))
                .token(b.animator().token()).send().status()).isEqualTo(201);

        for (Side[] pair : List.of(new Side[] {a, b}, new Side[] {b, a})) {
            Side own = pair[0];
            Side other = pair[1];
            Map<String, String> roleOf = Map.of(own.animator().subject(), "ANIMATOR",
                    own.manager().subject(), "MANAGER", own.member().subject(), "MEMBER");
            for (Person person : own.people()) {
                Api.Reply me = api.get("/api/me").token(person.token()).send();
                assertThat(me.status()).isEqualTo(200);
                assertThat(memberships(me.json())).as("/api/me of a person of " + own.slug())
                        .containsExactly(Map.entry(own.slug(), List.of(roleOf.get(person.subject()))));
                assertThat(me.body()).doesNotContain(other.slug());
            }

            Api.Reply people = api.get("/api/networks/" + own.slug() + "/people?size=100")
                    .token(own.animator().token()).send();
            assertThat(people.status()).isEqualTo(200);
            Set<String> listed = people.json().get("items").values().stream()
                    .map(p -> p.get("subject").asString()).collect(Collectors.toSet());
            assertThat(listed).as("the people of " + own.slug()).containsAll(own.subjects())
                    .doesNotContainAnyElementsOf(other.subjects());
            assertThat(people.body()).doesNotContain(other.slug());
            other.people().forEach(p -> assertThat(people.body()).doesNotContain(p.email()));
            Api.Reply members = api.get("/api/networks/" + own.slug() + "/members?size=100")
                    .token(own.manager().token()).send();
            assertThat(members.status()).as(members.toString()).isEqualTo(200);
            assertThat(members.body()).as("the members of " + own.slug()).contains(own.member().email());
            other.people().forEach(p -> assertThat(members.body()).doesNotContain(p.email()));

            JsonNode ownAudit = auditItems(own.slug(), own.animator().token());
            JsonNode otherAudit = auditItems(other.slug(), other.animator().token());
            Set<String> otherEventIds = otherAudit.values().stream().map(e -> e.get("id").asString())
                    .collect(Collectors.toSet());
            assertThat(ownAudit.values()).as("the audit log of " + own.slug()).isNotEmpty().allSatisfy(event -> {
                assertThat(otherEventIds).doesNotContain(event.get("id").asString());
                assertThat(other.subjects()).doesNotContain(event.get("actor").asString());
                assertThat(event.get("target").asString("")).isNotEqualTo(other.slug());
                assertThat(other.subjects()).doesNotContain(event.get("target").asString(""));
            });
            assertThat(ownAudit.toString()).doesNotContain(other.slug());
        }
    }

    /**
     * Keycloak 26 leaves the {@code organization} claim out for a person in several organizations unless the client
     * asks for {@code organization:*}: with the bare {@code organization} scope such a token names no network, so
     * every network answers 404 for it. This is why our clients ask for {@code organization:*} (ADR 0005); if
     * Keycloak changes this behaviour, this test says so.
     */
    @Test
    void a_token_asking_only_for_the_organization_scope_names_no_network_of_a_person_in_two() throws Exception {
        String a = newNetwork("scope-a");
        String b = newNetwork("scope-b");
        Person both = someone();
        invite(a, both.email(), NetworkRole.MEMBER);
        invite(b, both.email(), NetworkRole.MEMBER);
        String narrow = KEYCLOAK.accessToken(both.email(), PASSWORD, "openid organization");
        assertThat(organizationsIn(narrow)).isEmpty();
        assertThat(api.get("/api/networks/" + a).token(narrow).send().status()).isEqualTo(404);
        assertThat(memberships(api.get("/api/me").token(narrow).send().json())).isEmpty();
        String wide = KEYCLOAK.accessToken(both.email(), PASSWORD);
        assertThat(organizationsIn(wide)).contains(a, b);
    }

    /**
     * The same, with a token that asks Keycloak for every organization of the person ({@code organization:*}): what the
     * API does once the token names both networks, whatever the realm's default scope gives.
     */
    @Test
    void a_person_in_both_networks_with_a_token_naming_all_their_organizations_sees_each_one_only_through_its_path()
            throws Exception {
        aPersonInBothNetworksSeesEachOnlyThroughItsOwnPath("openid organization:*");
    }

    private void aPersonInBothNetworksSeesEachOnlyThroughItsOwnPath(String scope) throws Exception {
        List<String> slugs = concurrently(List.<Callable<String>>of(() -> newNetwork("both-a"),
                () -> newNetwork("both-b")));
        String a = slugs.get(0);
        String b = slugs.get(1);
        List<Person> others = concurrently(List.<Callable<Person>>of(() -> personIn(a, NetworkRole.MEMBER),
                () -> personIn(b, NetworkRole.MEMBER)));
        Person onlyA = others.get(0);
        Person onlyB = others.get(1);
        Person both = someone();
        invite(a, both.email(), NetworkRole.ANIMATOR);
        invite(b, both.email(), NetworkRole.MANAGER);
        String token = KEYCLOAK.accessToken(both.email(), PASSWORD, scope);
        assertThat(organizationsIn(token))
                .as("the organization claim of a token (scope '%s') of a person in two networks", scope)
                .contains(a, b);

        Api.Reply me = api.get("/api/me").token(token).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("subject").asString()).isEqualTo(both.subject());
        assertThat(memberships(me.json())).containsExactlyInAnyOrderEntriesOf(Map.of(
                a, List.of("ANIMATOR"), b, List.of("MANAGER")));

        assertThat(subjects(api.get("/api/networks/" + a + "/people?size=100").token(token).send()))
                .containsExactlyInAnyOrder(both.subject(), onlyA.subject());
        assertThat(subjects(api.get("/api/networks/" + b + "/people?size=100").token(token).send()))
                .containsExactlyInAnyOrder(both.subject(), onlyB.subject());

        String onlyAMember = memberId(a, onlyA.email(), platformAdmin());
        String onlyBMember = memberId(b, onlyB.email(), platformAdmin());
        JsonNode auditA = auditItems(a, token);
        assertThat(auditA.values()).isNotEmpty().allSatisfy(event -> assertThat(event.get("target").asString(""))
                .isIn(a, both.subject(), onlyA.subject(), onlyAMember));
        assertThat(auditA.toString()).doesNotContain(b).doesNotContain(onlyB.subject()).doesNotContain(onlyBMember);

        // The animator's powers in A do not carry over to B, where the same person is a manager.
        String bName = api.get("/api/networks/" + b).token(token).send().json().get("name").asString();
        assertForbidden(api.get("/api/networks/" + b + "/audit").token(token).send());
        assertForbidden(api.patch("/api/networks/" + b, "{\"name\":\"Renommé depuis A\"}").token(token).send());
        assertForbidden(api.post("/api/networks/" + b + "/invitations",
                invitation("via-a-" + UUID.randomUUID() + "@maillage.test", NetworkRole.MEMBER)).token(token).send());
        assertForbidden(api.delete("/api/networks/" + b + "/people/" + onlyB.subject() + "/roles/MEMBER")
                .token(token).send());
        Api.Reply throughA = api.delete("/api/networks/" + a + "/people/" + onlyB.subject() + "/roles/MEMBER")
                .token(token).send();
        assertThat(throughA.status()).isEqualTo(404);
        assertThat(code(throughA)).isEqualTo("person.role.not-found");

        assertThat(api.patch("/api/networks/" + a, "{\"name\":\"Renommé dans A\"}").token(token).send().status())
                .isEqualTo(200);
        assertThat(api.get("/api/networks/" + b).token(platformAdmin()).send().json().get("name").asString())
                .isEqualTo(bName);
        assertThat(people(b, platformAdmin())).containsEntry(onlyB.subject(), List.of("MEMBER"))
                .containsEntry(both.subject(), List.of("MANAGER")).hasSize(2);
    }

    @Test
    void joining_another_network_is_the_documented_exception() throws Exception {
        List<String> slugs = concurrently(List.<Callable<String>>of(() -> newNetwork("join-a"),
                () -> newNetwork("join-b")));
        String a = slugs.get(0);
        String b = slugs.get(1);
        List<Person> people = concurrently(List.<Callable<Person>>of(() -> personIn(a, NetworkRole.MEMBER),
                () -> personIn(b, NetworkRole.ANIMATOR)));
        Person memberOfA = people.get(0);
        Person animatorOfB = people.get(1);

        Api.Reply joined = api.post("/api/networks/" + b + "/join", JOIN).token(memberOfA.token()).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("roles").values()).extracting(JsonNode::asString).containsExactly("MEMBER");

        assertThat(api.get("/api/networks/" + b).token(memberOfA.token()).send().status())
                .as("the old token does not name B yet").isEqualTo(404);
        String token = KEYCLOAK.accessToken(memberOfA.email(), PASSWORD);
        assertThat(organizationsIn(token)).as("the organization claim of the new token, now in two networks")
                .contains(a, b);
        assertThat(api.get("/api/networks/" + b).token(token).send().status()).isEqualTo(200);
        assertForbidden(api.get("/api/networks/" + b + "/people").token(token).send());
        assertThat(memberships(api.get("/api/me").token(token).send().json())).containsExactlyInAnyOrderEntriesOf(
                Map.of(a, List.of("MEMBER"), b, List.of("MEMBER")));
        assertThat(people(b, animatorOfB.token())).containsEntry(memberOfA.subject(), List.of("MEMBER"));
        assertThat(people(a, platformAdmin())).containsEntry(memberOfA.subject(), List.of("MEMBER"));
    }

    /**
     * Bookings: A's people (each with a member profile in A) get 404 for B's resources, bookings, agendas and feeds,
     * booking or cancelling through B's paths changes nothing, and A's own paths do not reach B's objects.
     */
    @Test
    void the_bookings_of_one_network_are_out_of_reach_of_the_people_of_another() throws Exception {
        BookingsIT.Scene b = BookingsIT.scene(this);
        Side a = side("iso-bookings-a");
        for (Person person : a.people()) {
            assertThat(api.post("/api/networks/" + a.slug() + "/join", JOIN).token(person.token()).send().status())
                    .as("a member profile in A").isEqualTo(200);
        }
        String id = BookingsIT.created(api.post(b.book(b.room()), BookingsIT.booking(b.at("09:00"), b.at("10:00")))
                .token(b.camille().token()).send());
        String feed = java.net.URI.create(api.get(b.mine() + "/feed").token(b.camille().token()).send().json()
                .get("url").asString()).getPath();
        State before = state(new Side(b.slug(), b.animator(), b.manager(), b.camille()));
        String agendaBefore = api.get(b.book(b.room()) + "?from=" + b.day()).token(b.animator().token()).send()
                .body();

        SoftAssertions softly = new SoftAssertions();
        for (Person intruder : a.people()) {
            List<Attempt> attempts = List.of(
                    new Attempt("POST", b.book(b.room()), BookingsIT.booking(b.at("11:00"), b.at("12:00"))),
                    new Attempt("POST", b.book(b.room()), BookingsIT.booking(b.at("11:00"), b.at("12:00"),
                            b.camilleProfile().id())),
                    new Attempt("GET", b.book(b.room()), null),
                    new Attempt("GET", b.booking(id), null),
                    new Attempt("POST", b.booking(id) + "/cancel", null),
                    new Attempt("GET", b.mine(), null),
                    new Attempt("GET", b.mine() + "/feed", null),
                    new Attempt("POST", b.mine() + "/feed/rotate", null));
            for (Attempt attempt : attempts) {
                Api.Reply reply = send(attempt, intruder.token());
                String described = roleOf(a, intruder) + " of A: " + attempt + " -> " + reply;
                softly.assertThat(reply.status()).as(described).isEqualTo(404);
                softly.assertThat(code(reply)).as(described).isEqualTo("network.not-found");
            }
            String aPath = "/api/networks/" + a.slug();
            for (Attempt attempt : List.of(
                    new Attempt("POST", aPath + "/resources/" + b.room() + "/bookings",
                            BookingsIT.booking(b.at("11:00"), b.at("12:00"))),
                    new Attempt("GET", aPath + "/resources/" + b.room() + "/bookings", null),
                    new Attempt("GET", aPath + "/bookings/" + id, null),
                    new Attempt("POST", aPath + "/bookings/" + id + "/cancel", null))) {
                Api.Reply reply = send(attempt, intruder.token());
                softly.assertThat(reply.status()).as("through A's path: " + attempt + " -> " + reply).isIn(403, 404);
                softly.assertThat(code(reply)).as("through A's path: " + attempt + " -> " + reply)
                        .isIn("resource.not-found", "booking.not-found", "access.denied");
            }
        }
        softly.assertAll();

        assertThat(state(new Side(b.slug(), b.animator(), b.manager(), b.camille()))).isEqualTo(before);
        assertThat(api.get(b.book(b.room()) + "?from=" + b.day()).token(b.animator().token()).send().body())
                .isEqualTo(agendaBefore);
        assertThat(api.get(feed).send().status()).as("B's member's feed still works").isEqualTo(200);
        assertThat(api.get(feed).send().body()).contains(id);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private Side side(String prefix) throws Exception {
        String slug = newNetwork(prefix);
        List<Person> people = concurrently(List.<Callable<Person>>of(
                () -> personIn(slug, NetworkRole.ANIMATOR),
                () -> personIn(slug, NetworkRole.MANAGER),
                () -> personIn(slug, NetworkRole.MEMBER)));
        return new Side(slug, people.get(0), people.get(1), people.get(2));
    }

    /** The id of the member profile with this email, as the caller reads it. */
    private String memberId(String slug, String email, String token) {
        Api.Reply found = api.get("/api/networks/" + slug + "/members?q=" + email).token(token).send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("totalItems").asLong()).as(found.toString()).isEqualTo(1);
        return found.json().get("items").get(0).get("id").asString();
    }

    private static String roleOf(Side side, Person person) {
        return person.equals(side.animator()) ? "the animator"
                : person.equals(side.manager()) ? "the manager" : "the member";
    }

    /** What B's animator sees of B: the network, its people and their roles, its audit log. */
    record State(JsonNode network, Map<String, List<String>> people, long auditCount, JsonNode audit,
            JsonNode members) {
    }

    private State state(Side side) {
        String token = side.animator().token();
        Api.Reply network = api.get("/api/networks/" + side.slug()).token(token).send();
        assertThat(network.status()).isEqualTo(200);
        Api.Reply audit = api.get("/api/networks/" + side.slug() + "/audit?size=100").token(token).send();
        assertThat(audit.status()).isEqualTo(200);
        Api.Reply members = api.get("/api/networks/" + side.slug() + "/members?size=100").token(token).send();
        assertThat(members.status()).isEqualTo(200);
        return new State(network.json(), people(side.slug(), token), audit.json().get("totalItems").asLong(),
                audit.json().get("items"), members.json().get("items"));
    }

    private Api.Reply send(Attempt attempt, String token) {
        Api.Call call = switch (attempt.method()) {
            case "GET" -> api.get(attempt.path());
            case "POST" -> api.post(attempt.path(), attempt.body());
            case "PATCH" -> api.patch(attempt.path(), attempt.body());
            case "PUT" -> api.put(attempt.path(), attempt.body());
            case "DELETE" -> api.delete(attempt.path());
            default -> throw new IllegalArgumentException(attempt.method());
        };
        if (attempt.body() != null) {
            call.header("Content-Type", attempt.contentType());
        }
        return call.token(token).send();
    }

    /** A dry-run import of one row in the network, by its animator, finished. */
    private String dryRunImport(Side side) throws InterruptedException {
        String base = "/api/networks/" + side.slug() + "/member-imports";
        Api.Reply started = api.post(base + "?dryRun=true", "nom;prénom;email\nMartin;Camille;b@example.org\n")
                .header("Content-Type", "text/csv").token(side.animator().token()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asString();
        for (int i = 0; i < 500; i++) {
            String status = api.get(base + "/" + id).token(side.animator().token()).send().json().get("status")
                    .asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import of " + side.slug() + " did not finish");
    }

    private void invite(String slug, String email, NetworkRole role) {
        Api.Reply invited = api.post("/api/networks/" + slug + "/invitations", invitation(email, role))
                .token(platformAdmin()).send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    }

    private static String invitation(String email, NetworkRole role) {
        return "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
    }

    /** The people of the network, subject to sorted roles, as the caller reads them. */
    private Map<String, List<String>> people(String slug, String token) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/people?size=100").token(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, List<String>> people = new LinkedHashMap<>();
        reply.json().get("items").values().forEach(p -> people.put(p.get("subject").asString(),
                p.get("roles").values().stream().map(JsonNode::asString).toList()));
        return people;
    }

    private static List<String> subjects(Api.Reply people) {
        assertThat(people.status()).as(people.toString()).isEqualTo(200);
        return people.json().get("items").values().stream().map(p -> p.get("subject").asString()).toList();
    }

    private JsonNode auditItems(String slug, String token) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/audit?size=100").token(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("items");
    }

    private static void assertForbidden(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(code(reply)).isEqualTo("access.denied");
    }
}
