package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.Inspect.memberships;
import static fr.maillage.bootstrap.it.Inspect.organizationMembers;
import static fr.maillage.bootstrap.it.Inspect.organizationsIn;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.adapter.keycloak.testing.KeycloakTestServer;
import fr.maillage.domain.network.NetworkRole;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.JsonNode;

/**
 * People in a network: invitations (accounts created in Keycloak), joining, taking roles back (the last animator
 * stays: threat T11), and the audit log that records it all (threat T12).
 */
class PeopleIT extends EndToEndTest {

    @Test
    void inviting_a_new_email_creates_the_account_then_inviting_again_changes_nothing() {
        String slug = newNetwork("invite");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String email = "Claire.Invitee-" + UUID.randomUUID() + "@Maillage.test";
        String stored = email.toLowerCase(Locale.ROOT);
        String json = "{\"email\":\" " + email + " \",\"role\":\"member\",\"firstName\":\"Claire\",\"lastName\":\"Dupont\"}";

        Api.Reply first = api.post(invitations(slug), json).token(animator.token()).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode invited = first.json();
        String subject = invited.get("subject").asString();
        assertThat(invited.get("email").asString()).isEqualTo(stored);
        assertThat(invited.get("role").asString()).isEqualTo("MEMBER");
        assertThat(invited.get("accountCreated").asBoolean()).isTrue();
        assertThat(invited.get("roleGranted").asBoolean()).isTrue();

        UserRepresentation account = KEYCLOAK.realm().users().get(subject).toRepresentation();
        assertThat(account.getEmail()).isEqualTo(stored);
        assertThat(account.isEnabled()).isTrue();
        assertThat(account.isEmailVerified()).isFalse();
        assertThat(account.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(account.getFirstName()).isEqualTo("Claire");
        assertThat(account.getLastName()).isEqualTo("Dupont");
        assertThat(organizationMembers(slug)).contains(subject);
        assertThat(people(slug, animator.token())).containsEntry(subject, List.of("MEMBER"));

        Api.Reply again = api.post(invitations(slug), json).token(animator.token()).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("subject").asString()).isEqualTo(subject);
        assertThat(again.json().get("accountCreated").asBoolean()).isFalse();
        assertThat(again.json().get("roleGranted").asBoolean()).isFalse();

        Api.Reply anotherRole = api.post(invitations(slug), "{\"email\":\"" + stored + "\",\"role\":\"MANAGER\"}")
                .token(animator.token()).send();
        assertThat(anotherRole.status()).as(anotherRole.toString()).isEqualTo(201);
        assertThat(anotherRole.json().get("accountCreated").asBoolean()).isFalse();
        assertThat(anotherRole.json().get("roleGranted").asBoolean()).isTrue();

        assertThat(KEYCLOAK.realm().users().searchByEmail(stored, true)).as("one account").hasSize(1);
        assertThat(people(slug, animator.token())).containsEntry(subject, List.of("MANAGER", "MEMBER")).hasSize(2);
        List<JsonNode> invitationsOfClaire = audit(slug).stream()
                .filter(e -> e.get("action").asString().equals("person.invited"))
                .filter(e -> e.get("target").asString().equals(subject))
                .toList();
        assertThat(invitationsOfClaire).as("one event per role granted, none for the repeated invitation")
                .extracting(e -> e.get("details").get("role").asString() + "/"
                        + e.get("details").get("accountCreated").asString())
                .containsExactly("MANAGER/false", "MEMBER/true");
    }

    @Test
    void a_bad_email_or_an_unknown_role_is_refused_field_by_field_in_french_or_in_english() {
        String slug = newNetwork("invalid");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String json = "{\"email\":\"claire.example.org\",\"role\":\"BOSS\"}";

        Api.Reply french = api.post(invitations(slug), json).token(animator.token()).send();
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.contentType()).startsWith("application/problem+json");
        assertThat(french.header("Content-Language")).isEqualTo("fr");
        assertThat(french.json().get("code").asString()).isEqualTo("input.invalid");
        assertThat(errors(french)).containsExactly(
                "email:email.invalid:Cette adresse électronique n’est pas valide.",
                "role:network.role.unknown:Rôle inconnu : « BOSS » (ANIMATOR, MANAGER ou MEMBER).");

        Api.Reply english = api.post(invitations(slug), json).token(animator.token()).lang("en").send();
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.header("Content-Language")).isEqualTo("en");
        assertThat(english.json().get("title").asString()).isEqualTo("Bad request");
        assertThat(errors(english)).containsExactly(
                "email:email.invalid:This email address is not valid.",
                "role:network.role.unknown:Unknown role: \"BOSS\" (ANIMATOR, MANAGER or MEMBER).");

        Api.Reply missing = api.post(invitations(slug), "{}").token(animator.token()).lang("en").send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(errors(missing)).containsExactly("email:field.required:This field is required.",
                "role:field.required:This field is required.");

        assertThat(people(slug, animator.token())).containsOnlyKeys(animator.subject());
    }

    @Test
    void joining_makes_a_member_whose_new_token_names_the_network_and_joining_again_is_harmless() {
        String slug = newNetwork("join");
        Person person = someone();

        Api.Reply joined = api.post("/api/networks/" + slug + "/join", JOIN).token(person.token()).send();

        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("network").asString()).isEqualTo(slug);
        assertThat(roles(joined.json())).containsExactly("MEMBER");
        assertThat(organizationMembers(slug)).contains(person.subject());
        assertThat(api.get("/api/networks/" + slug).token(person.token()).send().status())
                .as("the token obtained before joining does not name the network").isEqualTo(404);

        String token = KEYCLOAK.accessToken(person.email(), PASSWORD);
        assertThat(organizationsIn(token)).contains(slug);
        Api.Reply me = api.get("/api/me").token(token).send();
        assertThat(memberships(me.json())).containsExactly(Map.entry(slug, List.of("MEMBER")));
        assertThat(me.json().get("networks").get(0).get("name").asString()).isEqualTo("Réseau join");
        assertThat(api.get("/api/networks/" + slug).token(token).send().status()).isEqualTo(200);

        Api.Reply again = api.post("/api/networks/" + slug + "/join", JOIN).token(token).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(roles(again.json())).containsExactly("MEMBER");
        assertThat(people(slug, platformAdmin())).containsEntry(person.subject(), List.of("MEMBER"));
        assertThat(audit(slug)).filteredOn(e -> e.get("action").asString().equals("person.joined"))
                .as("one event for two joins")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo(person.subject());
                    assertThat(e.get("target").asString()).isEqualTo(person.subject());
                });
    }

    @Test
    void revoking_a_role_takes_it_back_and_a_person_left_without_role_leaves_the_organization() {
        String slug = newNetwork("revoke");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person leaving = personIn(slug, NetworkRole.MEMBER);
        Person staying = personIn(slug, NetworkRole.MEMBER);
        assertThat(api.post(invitations(slug), "{\"email\":\"" + staying.email() + "\",\"role\":\"MANAGER\"}")
                .token(animator.token()).send().status()).isEqualTo(201);
        assertThat(organizationMembers(slug)).contains(leaving.subject(), staying.subject());

        Api.Reply revoked = api.delete(role(slug, leaving, "MEMBER")).token(animator.token()).send();

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(people(slug, animator.token())).doesNotContainKey(leaving.subject());
        assertThat(organizationMembers(slug)).as("left without role, out of the organization")
                .doesNotContain(leaving.subject()).contains(staying.subject(), animator.subject());
        assertThat(api.get("/api/networks/" + slug).token(leaving.token()).send().status())
                .as("a token that still names the network, without a role there").isEqualTo(404);
        assertThat(organizationsIn(KEYCLOAK.accessToken(leaving.email(), PASSWORD))).doesNotContain(slug);

        assertThat(api.delete(role(slug, staying, "MANAGER")).token(animator.token()).send().status())
                .isEqualTo(204);
        assertThat(people(slug, animator.token())).containsEntry(staying.subject(), List.of("MEMBER"));
        assertThat(organizationMembers(slug)).as("still a member: still in the organization")
                .contains(staying.subject());

        Api.Reply notHeld = api.delete(role(slug, leaving, "MEMBER")).token(animator.token()).send();
        assertThat(notHeld.status()).isEqualTo(404);
        assertThat(notHeld.contentType()).startsWith("application/problem+json");
        assertThat(code(notHeld)).isEqualTo("person.role.not-found");
        assertThat(code(api.delete(role(slug, animator, "MANAGER")).token(animator.token()).send()))
                .isEqualTo("person.role.not-found");
        assertThat(api.delete("/api/networks/" + slug + "/people/" + UUID.randomUUID() + "/roles/MEMBER")
                .token(animator.token()).send().status()).isEqualTo(404);
        assertThat(people(slug, animator.token())).containsOnlyKeys(animator.subject(), staying.subject());
    }

    @Test
    void the_last_animator_keeps_their_role() {
        String slug = newNetwork("last");
        Person first = personIn(slug, NetworkRole.ANIMATOR);

        for (String token : List.of(first.token(), platformAdmin())) {
            Api.Reply refused = api.delete(role(slug, first, "ANIMATOR")).token(token).send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(code(refused)).isEqualTo("network.last-animator");
            assertThat(refused.json().get("detail").asString()).contains(slug);
        }
        assertThat(people(slug, first.token())).containsEntry(first.subject(), List.of("ANIMATOR"));

        Person second = personIn(slug, NetworkRole.ANIMATOR);
        assertThat(api.delete(role(slug, first, "ANIMATOR")).token(second.token()).send().status()).isEqualTo(204);
        Api.Reply last = api.delete(role(slug, second, "ANIMATOR")).token(platformAdmin()).send();
        assertThat(last.status()).isEqualTo(409);
        assertThat(code(last)).isEqualTo("network.last-animator");
        assertThat(people(slug, second.token())).containsOnlyKeys(second.subject());
    }

    @Test
    void the_audit_log_tells_who_did_what_newest_first_with_subject_ids_and_no_email() {
        String admin = platformAdmin();
        String adminSubject = (String) KeycloakTestServer.claims(admin).get("sub");
        String slug = newNetwork("audit");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person joiner = someone();
        assertThat(api.post("/api/networks/" + slug + "/join", JOIN).token(joiner.token()).send().status())
                .isEqualTo(200);
        assertThat(api.delete(role(slug, joiner, "MEMBER")).token(animator.token()).send().status()).isEqualTo(204);
        assertThat(api.patch("/api/networks/" + slug, "{\"name\":\"Réseau audité\"}").token(animator.token()).send()
                .status()).isEqualTo(200);

        Api.Reply reply = api.get("/api/networks/" + slug + "/audit").token(animator.token()).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("totalItems").asLong()).isEqualTo(6);
        List<JsonNode> events = List.copyOf(reply.json().get("items").values());
        assertThat(events).extracting(e -> e.get("action").asString()).containsExactly(
                "network.updated", "role.revoked", "member.created", "person.joined", "person.invited",
                "network.created");
        assertThat(events).extracting(e -> e.get("actor").asString()).containsExactly(
                animator.subject(), animator.subject(), joiner.subject(), joiner.subject(), adminSubject,
                adminSubject);
        String memberId = events.get(2).get("target").asString();
        assertThat(events).extracting(e -> e.get("target").asString()).containsExactly(
                slug, joiner.subject(), memberId, joiner.subject(), animator.subject(), slug);
        assertThat(events).extracting(e -> Instant.parse(e.get("occurredAt").asString()))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(events.get(1).get("details").get("role").asString()).isEqualTo("MEMBER");
        assertThat(events.get(4).get("details").get("role").asString()).isEqualTo("ANIMATOR");
        assertThat(events.get(2).get("details").get("source").asString()).isEqualTo("SIGN_UP");
        assertThat(events.get(0).get("details").get("name").asString()).isEqualTo("changed");
        assertThat(reply.body()).as("no email in the audit log").doesNotContain("@")
                .doesNotContain(animator.email()).doesNotContain(joiner.email());
    }

    @Test
    void an_archived_network_refuses_invitations_joins_and_revocations() {
        String slug = newNetwork("archived");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        assertThat(api.post("/api/networks/" + slug + "/archive", null).token(platformAdmin()).send().status())
                .isEqualTo(200);
        String email = "too-late-" + UUID.randomUUID() + "@maillage.test";

        for (String token : List.of(animator.token(), platformAdmin())) {
            Api.Reply refused = api.post(invitations(slug), "{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}")
                    .token(token).send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(code(refused)).isEqualTo("network.archived");
        }
        Api.Reply join = api.post("/api/networks/" + slug + "/join", JOIN).token(someone().token()).send();
        assertThat(join.status()).isEqualTo(409);
        assertThat(code(join)).isEqualTo("network.archived");
        Api.Reply revoke = api.delete("/api/networks/" + slug + "/people/" + animator.subject() + "/roles/ANIMATOR")
                .token(platformAdmin()).send();
        assertThat(revoke.status()).isEqualTo(409);
        assertThat(code(revoke)).isEqualTo("network.archived");

        assertThat(KEYCLOAK.realm().users().searchByEmail(email, true)).as("no account created").isEmpty();
        assertThat(people(slug, animator.token())).containsOnlyKeys(animator.subject());
        assertThat(audit(slug).getFirst().get("action").asString()).isEqualTo("network.archived");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String invitations(String slug) {
        return "/api/networks/" + slug + "/invitations";
    }

    private static String role(String slug, Person person, String role) {
        return "/api/networks/" + slug + "/people/" + person.subject() + "/roles/" + role;
    }

    private Map<String, List<String>> people(String slug, String token) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/people?size=100").token(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, List<String>> people = new LinkedHashMap<>();
        reply.json().get("items").values().forEach(p -> people.put(p.get("subject").asString(), roles(p)));
        return people;
    }

    /** The audit log, newest first, read by a platform admin. */
    private List<JsonNode> audit(String slug) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/audit?size=100").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return List.copyOf(reply.json().get("items").values());
    }

    private static List<String> roles(JsonNode node) {
        return node.get("roles").values().stream().map(JsonNode::asString).toList();
    }

    private static List<String> errors(Api.Reply reply) {
        return reply.json().get("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString() + ":"
                        + e.get("message").asString())
                .toList();
    }
}
