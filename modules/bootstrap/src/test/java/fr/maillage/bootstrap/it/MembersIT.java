package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.Inspect.organizationMembers;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.network.NetworkRole;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Members end to end, on the real Keycloak and PostgreSQL: joining gives a profile with consents (and links the
 * member a manager recorded with the same email), an invitation as member gives one too, managers create (with or
 * without an account), list, search, read and patch members with ETags, members edit their own profile; every bad
 * field at once, in French and in English; duplicates 409, stale versions 412, erased members 409, other networks 404.
 */
class MembersIT extends EndToEndTest {

    private static final String ADDRESS = """
            {"line1": "Place de la Mairie", "postalCode": "26170", "town": "Buis-les-Baronnies"}""";

    @Test
    void joining_creates_the_profile_with_the_consents_and_joining_again_is_harmless() {
        String slug = newNetwork("join-profile");
        Person person = someone();
        Instant before = Instant.now();

        Api.Reply joined = api.post(join(slug), """
                {"givenName": "  Camille  ", "familyName": "Martin", "acceptTerms": true, "newsletter": true,
                 "phone": "06 12 34 56 78", "company": "Les Tuves"}""").token(person.token()).send();

        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String token = KEYCLOAK.accessToken(person.email(), PASSWORD);
        Api.Reply mine = api.get(me(slug)).token(token).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.header("ETag")).isEqualTo("\"0\"");
        JsonNode m = mine.json();
        assertThat(m.get("email").asString()).isEqualTo(person.email());
        assertThat(m.get("givenName").asString()).isEqualTo("Camille");
        assertThat(m.get("familyName").asString()).isEqualTo("Martin");
        assertThat(m.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(m.get("company").asString()).isEqualTo("Les Tuves");
        assertThat(m.get("newsletter").asBoolean()).isTrue();
        assertThat(Instant.parse(m.get("termsAcceptedAt").asString())).isAfterOrEqualTo(before.minusSeconds(5));
        assertThat(m.get("hasAccount").asBoolean()).isTrue();
        assertThat(m.get("source").asString()).isEqualTo("SIGN_UP");
        assertThat(m.get("status").asString()).isEqualTo("ACTIVE");

        Api.Reply again = api.post(join(slug), JOIN).token(token).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        Api.Reply still = api.get(me(slug)).token(token).send();
        assertThat(still.json()).as("joining again changes nothing").isEqualTo(m);
        assertThat(actions(slug)).filteredOn("member.created"::equals).hasSize(1);
    }

    @Test
    void a_join_without_a_body_or_without_accepting_the_terms_is_400_and_writes_nothing() {
        String slug = newNetwork("join-refused");
        Person person = someone();

        Api.Reply bodyless = api.post(join(slug), null).token(person.token()).lang("en").send();
        assertThat(bodyless.status()).as(bodyless.toString()).isEqualTo(400);
        assertThat(errors(bodyless)).containsExactly("givenName:field.required:This field is required.",
                "familyName:field.required:This field is required.",
                "acceptTerms:field.required:This field is required.");

        Api.Reply refused = api.post(join(slug), """
                {"givenName": "Camille", "familyName": "Martin", "acceptTerms": false, "phone": "12"}""")
                .token(person.token()).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(
                "phone:member.phone.format:Numéro de téléphone illisible : un numéro français (06 12 34 56 78) ou "
                        + "international (+41 22 123 45 67).",
                "acceptTerms:member.terms.not-accepted:Vous devez accepter les conditions d’utilisation du réseau "
                        + "pour le rejoindre.");

        assertThat(organizationMembers(slug)).doesNotContain(person.subject());
        Api.Reply people = api.get("/api/networks/" + slug + "/people?size=100").token(platformAdmin()).send();
        assertThat(people.body()).doesNotContain(person.subject());
        assertThat(members(slug, null, platformAdmin()).get("totalItems").asLong()).isZero();
    }

    @Test
    void a_member_recorded_by_a_manager_is_linked_when_the_person_joins_with_the_same_email() {
        String slug = newNetwork("link");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person person = someone();

        Api.Reply created = api.post(members(slug), """
                {"email": "%s", "givenName": "Lou", "familyName": "Durand", "company": "SARL Le Fournil"}"""
                .formatted(person.email().toUpperCase(Locale.ROOT))).token(manager.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(members(slug) + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("email").asString()).isEqualTo(person.email());
        assertThat(created.json().get("hasAccount").asBoolean()).isFalse();
        assertThat(created.json().get("source").asString()).isEqualTo("MANAGER");
        assertThat(created.json().get("termsAcceptedAt").isNull()).isTrue();

        assertThat(api.post(join(slug), JOIN).token(person.token()).send().status()).isEqualTo(200);

        JsonNode found = members(slug, person.email(), manager.token());
        assertThat(found.get("totalItems").asLong()).as("linked, not duplicated").isEqualTo(1);
        JsonNode linked = found.get("items").get(0);
        assertThat(linked.get("id").asString()).isEqualTo(id);
        assertThat(linked.get("hasAccount").asBoolean()).isTrue();
        assertThat(linked.get("termsAcceptedAt").isNull()).isFalse();
        assertThat(linked.get("givenName").asString()).as("the profile the manager wrote stays").isEqualTo("Lou");
        assertThat(linked.get("company").asString()).isEqualTo("SARL Le Fournil");
        String token = KEYCLOAK.accessToken(person.email(), PASSWORD);
        assertThat(api.get(me(slug)).token(token).send().json().get("id").asString()).isEqualTo(id);
        assertThat(audit(slug)).filteredOn(e -> e.get("action").asString().equals("member.linked")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("target").asString()).isEqualTo(id);
                    assertThat(e.get("actor").asString()).isEqualTo(person.subject());
                });
    }

    @Test
    void an_invitation_as_member_gives_a_profile_or_links_the_recorded_one_and_other_roles_get_none() {
        String slug = newNetwork("invite-member");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String claire = "claire-" + UUID.randomUUID() + "@maillage.test";
        assertThat(api.post(invitations(slug), """
                {"email": "%s", "role": "MEMBER", "firstName": "Claire", "lastName": "Dupont"}""".formatted(claire))
                .token(animator.token()).send().status()).isEqualTo(201);
        JsonNode invited = only(members(slug, claire, animator.token()));
        assertThat(invited.get("givenName").asString()).isEqualTo("Claire");
        assertThat(invited.get("familyName").asString()).isEqualTo("Dupont");
        assertThat(invited.get("source").asString()).isEqualTo("MANAGER");
        assertThat(invited.get("hasAccount").asBoolean()).isTrue();
        assertThat(invited.get("termsAcceptedAt").isNull()).as("accepted when they join").isTrue();

        Person withAccount = personIn(slug, NetworkRole.MEMBER);
        JsonNode named = only(members(slug, withAccount.email(), animator.token()));
        assertThat(named.get("givenName").asString() + " " + named.get("familyName").asString())
                .as("the names of their account").isEqualTo("Test Person");
        assertThat(api.get(me(slug)).token(withAccount.token()).send().status()).isEqualTo(200);

        String recorded = "recorded-" + UUID.randomUUID() + "@maillage.test";
        String id = api.post(members(slug), """
                {"email": "%s", "givenName": "Noé", "familyName": "Petit"}""".formatted(recorded))
                .token(animator.token()).send().json().get("id").asString();
        assertThat(api.post(invitations(slug), "{\"email\":\"" + recorded + "\",\"role\":\"MEMBER\"}")
                .token(animator.token()).send().status()).isEqualTo(201);
        JsonNode linked = only(members(slug, recorded, animator.token()));
        assertThat(linked.get("id").asString()).isEqualTo(id);
        assertThat(linked.get("hasAccount").asBoolean()).isTrue();
        assertThat(linked.get("givenName").asString()).isEqualTo("Noé");

        Person manager = personIn(slug, NetworkRole.MANAGER);
        assertThat(members(slug, manager.email(), animator.token()).get("totalItems").asLong())
                .as("a manager is not a member").isZero();
    }

    @Test
    void managers_create_list_search_read_and_patch_members_with_etags() {
        String slug = newNetwork("members");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person member = personIn(slug, NetworkRole.MEMBER);
        String tuves = create(slug, manager, "Zoé", "Abeille", "zoe@tuves.example", "Les Tuves");
        create(slug, manager, "Marc", "Bernard", "marc.b@example.org", null);
        create(slug, manager, "Inès", "Chevalier", "ines@example.org", "Recyclerie La Fabrique");

        JsonNode all = members(slug, null, manager.token());
        assertThat(all.get("totalItems").asLong()).isEqualTo(4);
        assertThat(all.get("items").values()).extracting(i -> i.get("familyName").asString())
                .containsExactly("Abeille", "Bernard", "Chevalier", "Person");
        assertThat(names(members(slug, "TUVES", manager.token()))).as("by company").containsExactly("Abeille");
        assertThat(names(members(slug, "marc.b@", manager.token()))).as("by email").containsExactly("Bernard");
        assertThat(names(members(slug, "inès", manager.token()))).as("by name").containsExactly("Chevalier");
        assertThat(names(members(slug, "100%_", manager.token()))).as("wildcards are plain characters").isEmpty();
        Api.Reply paged = api.get(members(slug) + "?size=3&page=1").token(manager.token()).send();
        assertThat(paged.json().get("totalPages").asLong()).isEqualTo(2);
        assertThat(names(paged.json())).containsExactly("Person");

        Api.Reply read = api.get(members(slug) + "/" + tuves).token(manager.token()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");

        Api.Reply patched = api.patch(members(slug) + "/" + tuves, """
                {"phone": "+41 22 123 45 67", "company": null, "address": %s, "newsletter": true}"""
                .formatted(ADDRESS)).header("If-Match", "\"0\"").token(manager.token()).send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        assertThat(patched.json().get("phone").asString()).isEqualTo("+41221234567");
        assertThat(patched.json().get("company").isNull()).as("null clears").isTrue();
        assertThat(patched.json().get("address").get("postalCode").asString()).isEqualTo("26170");
        assertThat(patched.json().get("givenName").asString()).as("left out stays").isEqualTo("Zoé");
        assertThat(patched.json().get("newsletter").asBoolean()).isTrue();

        Api.Reply stale = api.patch(members(slug) + "/" + tuves, "{\"familyName\":\"Ruche\"}")
                .header("If-Match", "\"0\"").token(manager.token()).send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(code(stale)).isEqualTo("precondition.failed");
        Api.Reply same = api.patch(members(slug) + "/" + tuves, "{\"givenName\":\"Zoé\"}")
                .header("If-Match", "\"1\"").token(manager.token()).send();
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).as("nothing changed, no new version").isEqualTo("\"1\"");
        Api.Reply malformed = api.patch(members(slug) + "/" + tuves, "{\"givenName\":\"Zoé\"}")
                .header("If-Match", "1").token(manager.token()).send();
        assertThat(malformed.status()).isEqualTo(400);

        Api.Reply moved = api.patch(members(slug) + "/" + tuves, "{\"email\":\" Zoe.Abeille@Example.org \"}")
                .token(manager.token()).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("email").asString()).as("no account: a manager may fix the email")
                .isEqualTo("zoe.abeille@example.org");
        Api.Reply taken = api.post(members(slug), """
                {"email": "ZOE.ABEILLE@example.org", "givenName": "Zoé", "familyName": "Bis"}""")
                .token(manager.token()).send();
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(code(taken)).isEqualTo("member.email.taken");
        Api.Reply takenByPatch = api.patch(members(slug) + "/" + tuves, "{\"email\":\"ines@example.org\"}")
                .token(manager.token()).send();
        assertThat(takenByPatch.status()).isEqualTo(409);
        assertThat(code(takenByPatch)).isEqualTo("member.email.taken");
        String memberId = only(members(slug, member.email(), manager.token())).get("id").asString();
        Api.Reply accountEmail = api.patch(members(slug) + "/" + memberId, "{\"email\":\"autre@example.org\"}")
                .token(manager.token()).send();
        assertThat(accountEmail.status()).isEqualTo(400);
        assertThat(fieldsAndCodes(accountEmail)).containsExactly("email:member.email.not-editable");

        assertThat(api.get(members(slug)).token(member.token()).send().status()).as("members: 403").isEqualTo(403);
        assertThat(audit(slug)).filteredOn(e -> e.get("action").asString().equals("member.updated")
                && e.get("target").asString().equals(tuves)).extracting(e -> e.get("details").get("fields").asString())
                .containsExactly("email", "phone,company,address,newsletter");
        assertThat(members(slug, null, manager.token()).get("totalItems").asLong()).isEqualTo(4);
    }

    @Test
    void a_manager_can_invite_the_member_they_record_and_the_identity_provider_comes_first() {
        String slug = newNetwork("member-invite");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        String email = "invited-" + UUID.randomUUID() + "@maillage.test";

        Api.Reply created = api.post(members(slug), """
                {"email": "%s", "givenName": "Jeanne", "familyName": "Roux", "invite": true}""".formatted(email))
                .token(manager.token()).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("hasAccount").asBoolean()).isTrue();
        var accounts = KEYCLOAK.realm().users().searchByEmail(email, true);
        assertThat(accounts).singleElement().satisfies(u -> {
            assertThat(u.getFirstName()).isEqualTo("Jeanne");
            assertThat(u.getLastName()).isEqualTo("Roux");
        });
        String subject = accounts.getFirst().getId();
        assertThat(organizationMembers(slug)).contains(subject);
        Api.Reply people = api.get("/api/networks/" + slug + "/people?size=100").token(manager.token()).send();
        assertThat(people.json().get("items").values()).filteredOn(p -> p.get("subject").asString().equals(subject))
                .singleElement().satisfies(p -> assertThat(p.get("roles").get(0).asString()).isEqualTo("MEMBER"));
        assertThat(actions(slug)).startsWith("person.invited", "member.created");

        Api.Reply again = api.post(members(slug), """
                {"email": "%s", "givenName": "Jeanne", "familyName": "Roux", "invite": true}""".formatted(email))
                .token(manager.token()).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("member.email.taken");
    }

    @Test
    void a_member_reads_and_edits_their_own_profile_but_not_their_email() {
        String slug = newNetwork("self");
        Person member = personIn(slug, NetworkRole.MEMBER);

        Api.Reply mine = api.get(me(slug)).token(member.token()).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        Api.Reply changed = api.patch(me(slug), """
                {"givenName": "Léa", "familyName": "Morel", "phone": "04 75 28 11 22", "address": %s}"""
                .formatted(ADDRESS)).header("If-Match", mine.header("ETag")).token(member.token()).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("phone").asString()).isEqualTo("+33475281122");
        assertThat(changed.json().get("address").get("town").asString()).isEqualTo("Buis-les-Baronnies");
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");

        Api.Reply cleared = api.patch(me(slug), "{\"phone\": null, \"address\": null}").token(member.token()).send();
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("phone").isNull()).isTrue();
        assertThat(cleared.json().get("address").isNull()).isTrue();
        assertThat(cleared.json().get("givenName").asString()).isEqualTo("Léa");

        Api.Reply stale = api.patch(me(slug), "{\"company\":\"Trop tard\"}").header("If-Match", "\"1\"")
                .token(member.token()).send();
        assertThat(stale.status()).isEqualTo(412);

        Api.Reply admin = api.get(me(slug)).token(platformAdmin()).send();
        assertThat(admin.status()).as("no profile in the network").isEqualTo(404);
        assertThat(code(admin)).isEqualTo("member.not-found");
    }

    @Test
    void every_bad_field_is_reported_at_once_in_french_and_in_english() {
        String slug = newNetwork("members-bad");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person member = personIn(slug, NetworkRole.MEMBER);
        String bad = """
                {"email": "pas-une-adresse", "givenName": " ", "familyName": "%s", "phone": "12",
                 "company": "%s", "address": {"line1": "", "postalCode": "5700", "town": "Serres"}}"""
                .formatted("x".repeat(101), "x".repeat(161));

        Api.Reply french = api.post(members(slug), bad).token(manager.token()).send();
        assertThat(french.status()).as(french.toString()).isEqualTo(400);
        assertThat(errors(french)).containsExactly(
                "email:email.invalid:Cette adresse électronique n’est pas valide.",
                "givenName:field.required:Ce champ est obligatoire.",
                "familyName:member.family-name.length:Le nom doit compter entre 1 et 100 caractères.",
                "phone:member.phone.format:Numéro de téléphone illisible : un numéro français (06 12 34 56 78) ou "
                        + "international (+41 22 123 45 67).",
                "company:member.company.length:Le nom de l’entreprise doit compter entre 1 et 160 caractères.",
                "address.line1:field.required:Ce champ est obligatoire.",
                "address.postalCode:address.postal-code.format:Le code postal compte 5 chiffres.");

        Api.Reply english = api.post(members(slug), bad).token(manager.token()).lang("en").send();
        assertThat(errors(english)).containsExactly(
                "email:email.invalid:This email address is not valid.",
                "givenName:field.required:This field is required.",
                "familyName:member.family-name.length:The family name must be 1 to 100 characters long.",
                "phone:member.phone.format:Unreadable phone number: a French (06 12 34 56 78) or international "
                        + "(+41 22 123 45 67) number.",
                "company:member.company.length:The company name must be 1 to 160 characters long.",
                "address.line1:field.required:This field is required.",
                "address.postalCode:address.postal-code.format:A postal code has 5 digits.");

        Api.Reply own = api.patch(me(slug), """
                {"givenName": null, "familyName": "Mo\\u0000rel", "phone": "abc", "newsletter": null,
                 "email": "ailleurs@example.org"}""").token(member.token()).lang("en").send();
        assertThat(own.status()).as(own.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(own)).containsExactly("givenName:field.required",
                "familyName:text.control-characters", "phone:member.phone.format", "newsletter:field.required",
                "email:member.email.not-editable");

        Api.Reply unknown = api.patch(me(slug), "{\"nickname\":\"Camou\"}").token(member.token()).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fieldsAndCodes(unknown)).containsExactly("nickname:field.unknown");
        Api.Reply wrongType = api.post(members(slug), "{\"email\":\"a@b.fr\",\"givenName\":\"A\",\"familyName\":\"B\","
                + "\"invite\":\"oui\"}").token(manager.token()).send();
        assertThat(wrongType.status()).isEqualTo(400);
        Api.Reply longSearch = api.get(members(slug) + "?q=" + "x".repeat(101)).token(manager.token()).send();
        assertThat(longSearch.status()).isEqualTo(400);
        assertThat(fieldsAndCodes(longSearch)).containsExactly("q:member.search.length");

        assertThat(members(slug, null, manager.token()).get("totalItems").asLong()).as("only the invited member")
                .isEqualTo(1);
        assertThat(api.get(me(slug)).token(member.token()).send().json().get("version").asLong()).isZero();
    }

    @Test
    void an_erased_member_cannot_be_edited() {
        String slug = newNetwork("erased");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        String id = create(slug, manager, "Paul", "Effacé", "paul-" + UUID.randomUUID() + "@example.org", null);
        erase(slug, id);

        Api.Reply refused = api.patch(members(slug) + "/" + id, "{\"company\":\"Encore\"}").token(manager.token())
                .send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("member.erased");
        assertThat(api.get(members(slug) + "/" + id).token(manager.token()).send().json().get("status").asString())
                .isEqualTo("ERASED");
    }

    @Test
    void another_networks_member_is_not_found() {
        String a = newNetwork("members-a");
        String b = newNetwork("members-b");
        Person managerA = personIn(a, NetworkRole.MANAGER);
        Person animatorB = personIn(b, NetworkRole.ANIMATOR);
        String id = create(a, managerA, "Anne", "Ailleurs", "anne-" + UUID.randomUUID() + "@example.org", null);

        for (Api.Reply reply : List.of(
                api.get(members(b) + "/" + id).token(animatorB.token()).send(),
                api.patch(members(b) + "/" + id, "{\"company\":\"B\"}").token(animatorB.token()).send(),
                api.get(members(b) + "/pas-un-identifiant").token(animatorB.token()).send())) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("member.not-found");
        }
        assertThat(api.get(members(a) + "/" + id).token(animatorB.token()).send().status()).isEqualTo(404);
        assertThat(api.get(members(a) + "/" + id).token(managerA.token()).send().json().get("company").isNull())
                .isTrue();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String create(String slug, Person manager, String given, String family, String email,
            String company) {
        String body = "{\"email\":\"" + email + "\",\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\""
                + (company == null ? "" : ",\"company\":\"" + company + "\"") + "}";
        Api.Reply created = api.post(members(slug), body).token(manager.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Erases the member through the API (GDPR), as a platform admin. */
    private void erase(String slug, String memberId) {
        Api.Reply erased = api.post(members(slug) + "/" + memberId + "/erase", "{\"confirm\": true}")
                .token(platformAdmin()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("status").asString()).isEqualTo("ERASED");
    }

    private JsonNode members(String slug, String q, String token) {
        Api.Reply reply = api.get(members(slug) + "?size=100" + (q == null ? "" : "&q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))).token(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.get("totalItems").asLong()).as(page.toString()).isEqualTo(1);
        return page.get("items").get(0);
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").values().stream().map(i -> i.get("familyName").asString()).toList();
    }

    private List<JsonNode> audit(String slug) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/audit?size=100").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return List.copyOf(reply.json().get("items").values());
    }

    private List<String> actions(String slug) {
        return audit(slug).stream().map(e -> e.get("action").asString()).toList();
    }

    private static List<String> errors(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString() + ":"
                        + e.get("message").asString())
                .toList();
    }

    private static List<String> fieldsAndCodes(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList();
    }

    private static String join(String slug) {
        return "/api/networks/" + slug + "/join";
    }

    private static String me(String slug) {
        return "/api/networks/" + slug + "/me/member";
    }

    private static String members(String slug) {
        return "/api/networks/" + slug + "/members";
    }

    private static String invitations(String slug) {
        return "/api/networks/" + slug + "/invitations";
    }
}
