package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.Inspect.organizationMembers;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.network.NetworkRole;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GDPR end to end: a member's export holds every section (her invoices among them) and nothing of another member;
 * erasure pseudonymises the profile (checked in the database), keeps the memberships, visits and invoices (as issued,
 * unchanged), closes an open visit, removes the role (and the organization membership when no role remains), is
 * idempotent, and the person can join again as a new member.
 * Memberships and bookings go through their APIs; visits (one of yesterday, one still open) are database fixtures,
 * as in the check-in module's own tests; the erasure closes the open one through the check-in module.
 */
class GdprIT extends EndToEndTest {

    private static final Set<String> SECTIONS = Set.of("auditEvents", "bookings", "invoices", "mails", "memberships", "roles",
            "visits");
    private static final String CONFIRM = "{\"confirm\": true}";

    /** A network with an operator, a place and a card, its animator, its manager and two members. */
    record World(String slug, Person animator, Person manager, Person camille, Person dominique, String camilleId,
            String dominiqueId, TenantSql sql, UUID operator, UUID place, UUID offer, UUID room) {
    }

    @Test
    void the_export_holds_every_section_of_the_member_and_nothing_of_another() throws Exception {
        World w = world("gdpr-export");
        UUID camilleCard = card(w, w.camilleId(), true);
        UUID camilleVisit = visit(w, w.camilleId(), camilleCard, true);
        UUID dominiqueCard = card(w, w.dominiqueId(), true);
        UUID dominiqueVisit = visit(w, w.dominiqueId(), dominiqueCard, true);
        String camilleBooking = booking(w, w.camille(), 2);
        String dominiqueBooking = booking(w, w.dominique(), 3);
        assertThat(api.patch("/api/networks/" + w.slug() + "/me/member", "{\"company\":\"Les Tuves\"}")
                .token(w.camille().token()).send().status()).isEqualTo(200);

        Api.Reply byAnimator = api.get(members(w) + "/" + w.camilleId() + "/export").token(w.animator().token()).send();
        assertThat(byAnimator.status()).as(byAnimator.toString()).isEqualTo(200);
        assertThat(byAnimator.header("Content-Disposition")).startsWith("attachment")
                .contains(".json");
        JsonNode export = byAnimator.json();
        assertThat(export.get("format").asString()).isEqualTo("maillage.member-export/1");
        assertThat(export.get("network").get("slug").asString()).isEqualTo(w.slug());
        JsonNode member = export.get("member");
        assertThat(member.get("id").asString()).isEqualTo(w.camilleId());
        assertThat(member.get("email").asString()).isEqualTo(w.camille().email());
        assertThat(member.get("company").asString()).isEqualTo("Les Tuves");
        assertThat(member.get("consents").get("termsAcceptedAt").isNull()).as("invited, not joined yet").isTrue();
        assertThat(member.get("consents").get("newsletter").asBoolean()).isFalse();
        assertThat(member.get("hasAccount").asBoolean()).isTrue();
        assertThat(names(export.get("sections"))).containsAll(SECTIONS);

        JsonNode sections = export.get("sections");
        assertThat(sections.get("roles").values()).singleElement()
                .satisfies(r -> assertThat(r.get("role").asString()).isEqualTo("MEMBER"));
        assertThat(sections.get("memberships").get("memberships").values()).singleElement().satisfies(m -> {
            assertThat(m.get("id").asString()).isEqualTo(camilleCard.toString());
            assertThat(m.get("offerName").asString()).isEqualTo("Carte 10 entrées");
            assertThat(m.get("priceCents").asLong()).isEqualTo(5000);
            assertThat(m.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(m.get("validUntil").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(sections.get("memberships").get("payments").values()).singleElement().satisfies(p -> {
            assertThat(p.get("method").asString()).isEqualTo("CASH");
            assertThat(p.get("amountCents").asLong()).isEqualTo(5000);
        });
        assertThat(sections.get("memberships").get("history").values()).extracting(e -> e.get("type").asString())
                .containsExactly("SOLD", "PAYMENT_RECORDED", "ACTIVATED");
        assertThat(sections.get("bookings").get("bookings").values()).singleElement().satisfies(b -> {
            assertThat(b.get("id").asString()).isEqualTo(camilleBooking);
            assertThat(b.get("resourceName").asString()).isEqualTo("Salle de la matrice");
            assertThat(b.get("note").asString()).isEqualTo("Avec Léon");
        });
        assertThat(sections.get("visits").get("visits").values()).singleElement()
                .satisfies(v -> assertThat(v.get("id").asString()).isEqualTo(camilleVisit.toString()));
        assertThat(sections.get("visits").get("usageEntries").values()).singleElement()
                .satisfies(u -> assertThat(u.get("amountCents").asLong()).isEqualTo(500));
        assertThat(sections.get("auditEvents").values()).extracting(e -> e.get("action").asString())
                .contains("person.invited", "member.created", "member.updated");
        // Her invoice, as issued and as settled; not Dominique's (the next number of the same series).
        Map<String, Object> camilleInvoice = w.sql().rows("select id::text as id, number from invoice where "
                + "membership_id = ?", camilleCard).getFirst();
        String dominiqueInvoice = w.sql().rows("select number from invoice where membership_id = ?", dominiqueCard)
                .getFirst().get("number").toString();
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getYear();
        assertThat(sections.get("invoices").values()).singleElement().satisfies(i -> {
            assertThat(i.get("id").asString()).isEqualTo(camilleInvoice.get("id"));
            assertThat(i.get("number").asString()).isEqualTo(camilleInvoice.get("number"))
                    .isEqualTo("MATRIX-" + year + "-000001");
            assertThat(i.get("kind").asString()).isEqualTo("INVOICE");
            assertThat(i.get("issueDate").asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                    .toString());
            assertThat(i.get("operatorName").asString()).isEqualTo("Opérateur de la matrice");
            assertThat(i.get("membershipId").asString()).isEqualTo(camilleCard.toString());
            assertThat(i.get("lines").values()).extracting(JsonNode::asString)
                    .containsExactly("Carte 10 entrées (10 entrées)");
            assertThat(i.get("grossCents").asLong()).isEqualTo(5000);
            assertThat(i.get("vatCents").asLong()).isZero();
            assertThat(i.get("paidCents").asLong()).isEqualTo(5000);
            assertThat(i.get("dueCents").asLong()).isZero();
            assertThat(i.get("settled").asBoolean()).isTrue();
            assertThat(i.has("pdf")).isFalse();
        });
        String body = byAnimator.body();
        assertThat(body).doesNotContain(w.dominique().email(), w.dominiqueId(), dominiqueCard.toString(),
                dominiqueVisit.toString(), w.dominique().subject(), dominiqueBooking, dominiqueInvoice);

        Api.Reply mine = api.get("/api/networks/" + w.slug() + "/me/member/export").token(w.camille().token()).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(names(mine.json().get("sections"))).isEqualTo(names(export.get("sections")));
        assertThat(mine.json().get("member").get("id").asString()).isEqualTo(w.camilleId());
        assertThat(mine.body()).doesNotContain(w.dominique().email(), dominiqueCard.toString());

        Api.Reply byManager = api.get(members(w) + "/" + w.camilleId() + "/export").token(w.manager().token()).send();
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(code(byManager)).isEqualTo("member.export.animators-only");
        assertThat(actions(w)).filteredOn("member.exported"::equals).hasSize(2);
    }

    @Test
    void erasure_pseudonymises_the_member_keeps_what_the_law_requires_and_the_person_can_join_again()
            throws Exception {
        World w = world("gdpr-erase");
        UUID card = card(w, w.camilleId(), true);
        UUID closed = visit(w, w.camilleId(), card, true);
        UUID open = visit(w, w.camilleId(), card, false);
        String future = booking(w, w.camille(), 2);
        assertThat(api.patch("/api/networks/" + w.slug() + "/me/member", """
                {"phone": "06 12 34 56 78", "company": "Les Tuves", "newsletter": true,
                 "address": {"line1": "Place de la Mairie", "postalCode": "26170", "town": "Buis-les-Baronnies"}}""")
                .token(w.camille().token()).send().status()).isEqualTo(200);
        String monthly = created(api.post("/api/networks/" + w.slug() + "/offers", """
                {"operatorId": "%s", "name": "Abonnement mensuel", "terms": {"type": "SUBSCRIPTION",
                 "billing": "MONTHLY"}, "priceCents": 8000, "scope": {"type": "OPERATOR_PLACES"}}"""
                .formatted(w.operator())).token(w.manager().token()).send());
        String subscription = created(api.post(members(w) + "/" + w.camilleId() + "/memberships",
                "{\"offerId\": \"" + monthly + "\", \"autoRenew\": true}").token(w.manager().token()).send());
        assertThat(api.post("/api/networks/" + w.slug() + "/memberships/" + subscription + "/payments",
                "{\"method\": \"CHEQUE\", \"amountCents\": 8000, \"reference\": \"1234567\"}")
                .token(w.manager().token()).send().status()).isEqualTo(201);

        // Her two invoices (the card's, then the subscription's, addressed to her company) and their settlements:
        // kept as issued through the erasure.
        String invoices = "select * from invoice where member_id = ? order by chain_position";
        List<Map<String, Object>> issued = w.sql().rows(invoices, UUID.fromString(w.camilleId()));
        assertThat(issued).hasSize(2);
        assertThat(issued.get(1).get("buyer_company")).isEqualTo("Les Tuves");
        List<Map<String, Object>> settlements = w.sql().rows("select p.* from invoice_payment p join invoice i "
                + "on i.id = p.invoice_id where i.member_id = ? order by p.id", UUID.fromString(w.camilleId()));
        assertThat(settlements).hasSize(2);

        Api.Reply unconfirmed = api.post(members(w) + "/" + w.camilleId() + "/erase", "{}")
                .token(w.animator().token()).send();
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(fields(unconfirmed)).containsExactly("confirm:member.erase.confirm-required");
        Api.Reply byManager = api.post(members(w) + "/" + w.camilleId() + "/erase", CONFIRM)
                .token(w.manager().token()).send();
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(code(byManager)).isEqualTo("member.erase.animators-only");

        Api.Reply erased = api.post(members(w) + "/" + w.camilleId() + "/erase", CONFIRM)
                .token(w.animator().token()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        JsonNode m = erased.json();
        assertThat(m.get("id").asString()).isEqualTo(w.camilleId());
        assertThat(m.get("status").asString()).isEqualTo("ERASED");
        assertThat(m.get("givenName").asString() + " " + m.get("familyName").asString()).isEqualTo("Membre effacé");
        assertThat(m.get("email").asString()).isEqualTo("erased-" + w.camilleId() + "@erased.invalid");
        assertThat(m.get("hasAccount").asBoolean()).isFalse();

        // Nothing personal is left in the member's row.
        Map<String, Object> row = w.sql().rows("select * from member where id = ?", UUID.fromString(w.camilleId()))
                .getFirst();
        assertThat(row.get("subject")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("company")).isNull();
        assertThat(row.get("address_line1")).isNull();
        assertThat(row.get("address_line2")).isNull();
        assertThat(row.get("postal_code")).isNull();
        assertThat(row.get("town")).isNull();
        assertThat(row.get("newsletter")).isEqualTo(false);
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(row.get("erased_at")).isNotNull();
        String all = row.toString();
        assertThat(all).doesNotContain(w.camille().email(), "Camille", "Martin", w.camille().subject(), "612345678",
                "Tuves", "Mairie", "26170");

        // What the law requires stays; what cannot go on without the person ends.
        assertThat(w.sql().rows("select status from membership where id = ?", card)).singleElement()
                .satisfies(ms -> assertThat(ms).containsEntry("status", "ACTIVE"));
        assertThat(w.sql().rows("select status, auto_renew from membership where id = ?",
                UUID.fromString(subscription))).singleElement().satisfies(ms -> assertThat(ms)
                        .containsEntry("status", "ACTIVE").containsEntry("auto_renew", false));
        assertThat(w.sql().count("select count(*) from payment p join membership m on m.id = p.membership_id "
                + "where m.member_id = ?", UUID.fromString(w.camilleId()))).as("payments kept").isEqualTo(2);
        assertThat(w.sql().rows("select closed_by, checked_out_at from visit where id = ?", open)).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("closed_by", "AUTO"));
        assertThat(w.sql().count("select count(*) from visit where id = ? and checked_out_at is not null", closed))
                .isEqualTo(1);
        assertThat(w.sql().count("select count(*) from usage_entry u join visit v on v.id = u.visit_id "
                + "where v.member_id = ?", UUID.fromString(w.camilleId()))).as("the open visit's second block, "
                + "consumed as the automatic closing does").isEqualTo(3);
        assertThat(w.sql().rows("select entries_consumed from visit where id = ?", open).getFirst())
                .containsEntry("entries_consumed", 2);
        assertThat(w.sql().rows("select entries_remaining from membership where id = ?", card).getFirst())
                .containsEntry("entries_remaining", 9);
        assertThat(w.sql().count("select count(*) from visit where checked_in_by = ?", w.camille().subject()))
                .as("the visits she checked in herself no longer name her account").isZero();
        assertThat(w.sql().rows(invoices, UUID.fromString(w.camilleId()))).as("invoices kept as issued, names "
                + "included (legal retention; the database refuses any change)").isEqualTo(issued);
        assertThat(w.sql().rows("select p.* from invoice_payment p join invoice i on i.id = p.invoice_id "
                + "where i.member_id = ? order by p.id", UUID.fromString(w.camilleId()))).isEqualTo(settlements);
        assertThat(w.sql().rows("select status, note, booked_by, cancel_reason from booking where id = ?",
                UUID.fromString(future))).singleElement().satisfies(b -> assertThat(b)
                        .containsEntry("status", "CANCELLED").containsEntry("note", null)
                        .containsEntry("booked_by", "member").containsEntry("cancel_reason", "Membre effacé (RGPD)"));

        // The role is gone, and with it the person's membership of the network's organization.
        assertThat(people(w)).doesNotContainKey(w.camille().subject());
        assertThat(organizationMembers(w.slug())).doesNotContain(w.camille().subject());
        JsonNode event = audit(w).stream().filter(e -> e.get("action").asString().equals("member.erased"))
                .findFirst().orElseThrow();
        assertThat(event.get("target").asString()).isEqualTo(w.camilleId());
        assertThat(event.get("details").get("by").asString()).isEqualTo("staff");
        assertThat(event.get("details").get("visitsClosed").asString()).isEqualTo("1");
        assertThat(event.get("details").get("bookingsCancelled").asString()).isEqualTo("1");
        assertThat(event.get("details").get("renewalsStopped").asString()).isEqualTo("1");
        assertThat(event.get("details").get("invoicesKept").asString()).isEqualTo("2");
        assertThat(event.toString()).doesNotContain(w.camille().email(), "Camille", w.camille().subject());

        // Idempotent; the erased member's export shows what was kept, pseudonymised.
        Api.Reply again = api.post(members(w) + "/" + w.camilleId() + "/erase", CONFIRM).token(w.animator().token())
                .send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version")).isEqualTo(m.get("version"));
        assertThat(actions(w)).filteredOn("member.erased"::equals).hasSize(1);
        Api.Reply export = api.get(members(w) + "/" + w.camilleId() + "/export").token(w.animator().token()).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("member").get("status").asString()).isEqualTo("ERASED");
        assertThat(export.json().get("sections").get("memberships").get("memberships").values()).hasSize(2);
        assertThat(export.json().get("sections").get("memberships").get("payments").values()).hasSize(2);
        assertThat(export.json().get("sections").get("roles").values()).isEmpty();
        // The invoices are shown as kept: as issued, the buyer's company included; nothing else names her.
        JsonNode keptInvoices = export.json().get("sections").get("invoices");
        assertThat(keptInvoices.values()).extracting(i -> i.get("number").asString())
                .containsExactly(issued.get(0).get("number").toString(), issued.get(1).get("number").toString());
        assertThat(keptInvoices.get(1).get("buyerCompany").asString()).isEqualTo("Les Tuves");
        tools.jackson.databind.node.ObjectNode rest = (tools.jackson.databind.node.ObjectNode) export.json();
        ((tools.jackson.databind.node.ObjectNode) rest.get("sections")).remove("invoices");
        assertThat(rest.toString()).doesNotContain(w.camille().email(), "Tuves", "612345678");
        assertThat(export.body()).doesNotContain(w.camille().email(), "612345678");
        Api.Reply edit = api.patch(members(w) + "/" + w.camilleId(), "{\"company\":\"X\"}").token(w.animator().token())
                .send();
        assertThat(edit.status()).isEqualTo(409);

        // The person joins again, as a new member.
        String token = KEYCLOAK.accessToken(w.camille().email(), PASSWORD);
        Api.Reply rejoined = api.post("/api/networks/" + w.slug() + "/join", JOIN).token(token).send();
        assertThat(rejoined.status()).as(rejoined.toString()).isEqualTo(200);
        token = KEYCLOAK.accessToken(w.camille().email(), PASSWORD);
        JsonNode renewed = api.get("/api/networks/" + w.slug() + "/me/member").token(token).send().json();
        assertThat(renewed.get("id").asString()).isNotEqualTo(w.camilleId());
        assertThat(renewed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(renewed.get("email").asString()).isEqualTo(w.camille().email());
        assertThat(renewed.get("company").isNull()).as("nothing of the erased profile comes back").isTrue();
        assertThat(organizationMembers(w.slug())).contains(w.camille().subject());
    }

    @Test
    void a_member_erases_themself_with_a_confirmation_and_is_no_longer_a_member() throws Exception {
        World w = world("gdpr-self");
        String me = "/api/networks/" + w.slug() + "/me/member";
        Api.Reply unconfirmed = api.post(me + "/erase", "{\"confirm\": false}").token(w.camille().token()).send();
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(fields(unconfirmed)).containsExactly("confirm:member.erase.confirm-required");
        Api.Reply bodyless = api.post(me + "/erase", null).token(w.camille().token()).lang("en").send();
        assertThat(bodyless.status()).isEqualTo(400);
        assertThat(bodyless.json().get("errors").get(0).get("message").asString()).contains("cannot be undone");

        Api.Reply erased = api.post(me + "/erase", CONFIRM).token(w.camille().token()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("status").asString()).isEqualTo("ERASED");
        assertThat(api.get(me).token(w.camille().token()).send().status()).isEqualTo(404);
        JsonNode event = audit(w).stream().filter(e -> e.get("action").asString().equals("member.erased"))
                .findFirst().orElseThrow();
        assertThat(event.get("details").get("by").asString()).isEqualTo("self");
        assertThat(event.get("actor").asString()).isEqualTo(w.camille().subject());
        assertThat(people(w)).doesNotContainKey(w.camille().subject());
        Map<String, Object> row = w.sql().rows("select subject, email from member where id = ?",
                UUID.fromString(w.camilleId())).getFirst();
        assertThat(row.get("subject")).isNull();
        assertThat(row.get("email")).isEqualTo("erased-" + w.camilleId() + "@erased.invalid");
        assertThat(w.sql().count("select count(*) from member where id = ?", UUID.fromString(w.dominiqueId())))
                .isEqualTo(1);
        assertThat(people(w)).containsKey(w.dominique().subject());
    }

    @Test
    void a_person_who_keeps_another_role_stays_in_the_organization_and_a_pending_sale_blocks_erasure()
            throws Exception {
        World w = world("gdpr-roles");
        // Dominique is also a manager: erasing her member profile leaves her a manager.
        Api.Reply invited = api.post("/api/networks/" + w.slug() + "/invitations", "{\"email\":\""
                + w.dominique().email() + "\",\"role\":\"MANAGER\"}").token(platformAdmin()).send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Api.Reply erased = api.post(members(w) + "/" + w.dominiqueId() + "/erase", CONFIRM)
                .token(w.animator().token()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(people(w).get(w.dominique().subject())).containsExactly("MANAGER");
        assertThat(organizationMembers(w.slug())).contains(w.dominique().subject());

        // A sale awaiting payment: the erasure waits (409), nothing changes.
        UUID pending = card(w, w.camilleId(), false);
        Api.Reply refused = api.post(members(w) + "/" + w.camilleId() + "/erase", CONFIRM)
                .token(w.animator().token()).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("member.erase.payment-pending");
        assertThat(w.sql().rows("select status, subject from member where id = ?", UUID.fromString(w.camilleId()))
                .getFirst()).containsEntry("status", "ACTIVE").containsEntry("subject", w.camille().subject());
        assertThat(people(w)).containsKey(w.camille().subject());
        assertThat(organizationMembers(w.slug())).contains(w.camille().subject());
        // Once the sale is settled (here: cancelled), the erasure goes through.
        Api.Reply cancelled = api.post("/api/networks/" + w.slug() + "/memberships/" + pending + "/cancel",
                "{\"reason\": \"Vendue par erreur\"}").token(w.manager().token()).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(api.post(members(w) + "/" + w.camilleId() + "/erase", CONFIRM).token(w.animator().token()).send()
                .status()).isEqualTo(200);
    }

    @Test
    void another_networks_member_is_out_of_reach() throws Exception {
        World w = world("gdpr-iso");
        String other = newNetwork("gdpr-other");
        Person animatorElsewhere = personIn(other, NetworkRole.ANIMATOR);
        for (Api.Reply reply : List.of(
                api.get(members(w) + "/" + w.camilleId() + "/export").token(animatorElsewhere.token()).send(),
                api.post(members(w) + "/" + w.camilleId() + "/erase", CONFIRM).token(animatorElsewhere.token())
                        .send())) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }
        for (Api.Reply reply : List.of(
                api.get("/api/networks/" + other + "/members/" + w.camilleId() + "/export")
                        .token(animatorElsewhere.token()).send(),
                api.post("/api/networks/" + other + "/members/" + w.camilleId() + "/erase", CONFIRM)
                        .token(animatorElsewhere.token()).send())) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("member.not-found");
        }
        assertThat(w.sql().rows("select status from member where id = ?", UUID.fromString(w.camilleId())).getFirst())
                .containsEntry("status", "ACTIVE");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private World world(String prefix) throws Exception {
        String slug = newNetwork(prefix);
        List<Person> people = concurrently(List.<Callable<Person>>of(
                () -> personIn(slug, NetworkRole.ANIMATOR),
                () -> personIn(slug, NetworkRole.MANAGER),
                () -> personIn(slug, NetworkRole.MEMBER),
                () -> personIn(slug, NetworkRole.MEMBER)));
        String base = "/api/networks/" + slug;
        String operator = created(api.post(base + "/operators", AuthorizationMatrixIT.FIXTURE_OPERATOR)
                .token(platformAdmin()).send());
        String place = created(api.post(base + "/places", ("""
                {"operatorId": "%s", "name": "La Serre", "kinds": ["COWORKING"],
                 "address": {"line1": "Place du Lac", "postalCode": "05700", "town": "Serres"},
                 "commune": "Serres", "insee": "05166", "latitude": 44.43, "longitude": 5.72, "capacity": 10,
                 "hours": %s}""").formatted(operator, AuthorizationMatrixIT.FIXTURE_HOURS)).token(platformAdmin())
                .send());
        String offer = created(api.post(base + "/offers", OffersIT.LA_SERRE_CARD.formatted(operator))
                .token(platformAdmin()).send());
        String room = created(api.post(base + "/places/" + place + "/resources", AuthorizationMatrixIT.FIXTURE_RESOURCE)
                .token(platformAdmin()).send());
        Api.Reply scoped = api.put(base + "/managers/" + people.get(1).subject() + "/operators",
                "{\"operatorIds\":[\"" + operator + "\"]}").token(platformAdmin()).send();
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(200);
        return new World(slug, people.get(0), people.get(1), people.get(2), people.get(3),
                memberId(slug, people.get(2).email()), memberId(slug, people.get(3).email()), TenantSql.of(jdbc, slug),
                UUID.fromString(operator), UUID.fromString(place), UUID.fromString(offer), UUID.fromString(room));
    }

    /** La Serre's card sold to the member by the manager, paid in cash if {@code paid} (then active). */
    private UUID card(World w, String member, boolean paid) {
        String id = created(api.post(members(w) + "/" + member + "/memberships", "{\"offerId\": \"" + w.offer()
                + "\"}").token(w.manager().token()).send());
        if (paid) {
            Api.Reply payment = api.post("/api/networks/" + w.slug() + "/memberships/" + id + "/payments",
                    "{\"method\": \"CASH\", \"amountCents\": 5000}").token(w.manager().token()).send();
            assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        }
        return UUID.fromString(id);
    }

    /** A booking of the meeting room by the member themself, {@code days} from today, 10:00-11:00. */
    private String booking(World w, Person member, int days) {
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(days);
        return created(api.post("/api/networks/" + w.slug() + "/resources/" + w.room() + "/bookings",
                "{\"start\":\"" + day + "T10:00\",\"end\":\"" + day + "T11:00\",\"note\":\"Avec Léon\"}")
                .token(member.token()).send());
    }

    /**
     * A visit of the member at La Serre under the card, with its line in the ledger: closed (yesterday, 2 hours), or
     * still open (since 4 hours: one entry consumed at check-in, a second block started).
     */
    private UUID visit(World w, String member, UUID card, boolean closed) {
        UUID id = UUID.randomUUID();
        OffsetDateTime in = OffsetDateTime.now(ZoneOffset.UTC).minusHours(closed ? 30 : 4);
        Person who = member.equals(w.camilleId()) ? w.camille() : w.dominique();
        w.sql().update("""
                insert into visit (network_id, id, place_id, member_id, membership_id, source, checked_in_at,
                    checked_in_by, checked_out_at, closed_by, entries_consumed, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'QR', ?, ?, ?, ?, 1, ?, ?)""", w.sql().network(), id, w.place(),
                UUID.fromString(member), card, in, who.subject(), closed ? in.plusHours(2) : null,
                closed ? "MEMBER" : null, in, in);
        LocalDate day = in.toLocalDate();
        w.sql().update("""
                insert into usage_entry (network_id, id, visit_id, membership_id, place_id, seller_operator_id,
                    place_operator_id, entries, unit_value_cents, amount_cents, used_on, month, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, 1, 500, 500, ?, ?, ?)""", w.sql().network(), UUID.randomUUID(), id, card,
                w.place(), w.operator(), w.operator(), day, day.withDayOfMonth(1), in);
        return id;
    }

    private String memberId(String slug, String email) {
        Api.Reply found = api.get("/api/networks/" + slug + "/members?q=" + email).token(platformAdmin()).send();
        assertThat(found.json().get("totalItems").asLong()).as(found.toString()).isEqualTo(1);
        return found.json().get("items").get(0).get("id").asString();
    }

    private static String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static String members(World w) {
        return "/api/networks/" + w.slug() + "/members";
    }

    private Map<String, List<String>> people(World w) {
        Api.Reply reply = api.get("/api/networks/" + w.slug() + "/people?size=100").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, List<String>> people = new java.util.LinkedHashMap<>();
        reply.json().get("items").values().forEach(p -> people.put(p.get("subject").asString(),
                p.get("roles").values().stream().map(JsonNode::asString).toList()));
        return people;
    }

    private List<JsonNode> audit(World w) {
        Api.Reply reply = api.get("/api/networks/" + w.slug() + "/audit?size=100").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return List.copyOf(reply.json().get("items").values());
    }

    private List<String> actions(World w) {
        return audit(w).stream().map(e -> e.get("action").asString()).toList();
    }

    private static Set<String> names(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }

    private static List<String> fields(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList();
    }
}
