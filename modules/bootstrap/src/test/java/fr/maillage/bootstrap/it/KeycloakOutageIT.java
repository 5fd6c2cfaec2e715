package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.network.NetworkRole;
import org.junit.jupiter.api.Test;

/**
 * Keycloak stopped in the middle of the run: valid tokens keep working (the keys are cached); what needs Keycloak
 * answers 503 and leaves nothing half-done; once Keycloak is back, the same calls complete.
 */
class KeycloakOutageIT extends EndToEndTest {

    @Test
    void while_keycloak_is_down_reads_work_and_writes_that_need_it_fail_cleanly() {
        String slug = newNetwork("panne");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String admin = platformAdmin();
        assertThat(api.get("/api/me").token(animator.token()).send().status()).isEqualTo(200);
        String newSlug = uniqueSlug("pendant-panne");
        String invitee = "invitee-" + System.nanoTime() + "@maillage.test";
        String invitation = "{\"email\":\"" + invitee + "\",\"role\":\"MEMBER\"}";
        String memberEmail = "member-" + System.nanoTime() + "@maillage.test";
        String memberWithAccount = "{\"email\":\"" + memberEmail
                + "\",\"givenName\":\"Lou\",\"familyName\":\"Panne\",\"invite\":true}";

        KEYCLOAK.stop();
        try {
            assertThat(api.get("/api/networks/" + slug).token(animator.token()).send().status())
                    .as("a valid token still works").isEqualTo(200);
            assertThat(api.get("/api/networks/" + slug + "/people").token(animator.token()).send().status())
                    .isEqualTo(200);
            assertThat(api.patch("/api/networks/" + slug, "{\"name\":\"Réseau en panne\"}").token(animator.token())
                    .send().status()).as("a change that needs only the database").isEqualTo(200);

            Api.Reply create = api.post("/api/networks", networkJson(newSlug, "Pendant la panne", "26"))
                    .token(admin).send();
            assertThat(create.status()).isEqualTo(503);
            assertThat(create.header("Retry-After")).isNotBlank();
            assertThat(create.json().get("code").asString()).isEqualTo("service.unavailable");
            assertThat(create.json().get("detail").asString()).contains("service d’identité");
            assertThat(networkRows(newSlug)).isZero();

            Api.Reply invite = api.post("/api/networks/" + slug + "/invitations", invitation)
                    .token(animator.token()).send();
            assertThat(invite.status()).isEqualTo(503);
            assertThat(peopleWithEmail(slug, invitee, animator)).isZero();

            Api.Reply member = api.post("/api/networks/" + slug + "/members", memberWithAccount)
                    .token(animator.token()).send();
            assertThat(member.status()).as(member.toString()).isEqualTo(503);
            assertThat(membersWithEmail(slug, memberEmail, animator)).as("no member without the account").isZero();
        } finally {
            KEYCLOAK.start();
        }

        assertThat(api.post("/api/networks", networkJson(newSlug, "Après la panne", "26")).token(admin).send()
                .status()).isEqualTo(201);
        assertThat(api.post("/api/networks/" + slug + "/invitations", invitation).token(animator.token()).send()
                .status()).isEqualTo(201);
        assertThat(peopleWithEmail(slug, invitee, animator)).isEqualTo(1);
        assertThat(api.post("/api/networks/" + slug + "/members", memberWithAccount).token(animator.token()).send()
                .status()).isEqualTo(201);
        assertThat(membersWithEmail(slug, memberEmail, animator)).isEqualTo(1);
        assertThat(peopleWithEmail(slug, memberEmail, animator)).as("the member holds MEMBER").isEqualTo(1);
    }

    private long membersWithEmail(String slug, String email, Person reader) {
        return api.get("/api/networks/" + slug + "/members?q=" + email).token(reader.token()).send().json()
                .get("totalItems").asLong();
    }

    private long peopleWithEmail(String slug, String email, Person reader) {
        return api.get("/api/networks/" + slug + "/people?size=100").token(reader.token()).send().json().get("items")
                .values().stream().filter(p -> p.get("email").asString().equals(email)).count();
    }
}
