package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.adapter.keycloak.KeycloakDemoAccounts;
import fr.maillage.adapter.keycloak.testing.KeycloakTestServer;
import fr.maillage.application.network.port.in.CreateNetworkUseCase;
import fr.maillage.application.network.port.in.FindNetworksQuery;
import fr.maillage.application.people.port.in.InvitePersonUseCase;
import fr.maillage.application.offer.port.in.ManageOffersUseCase;
import fr.maillage.application.setup.port.in.ManageOperatorsUseCase;
import fr.maillage.application.setup.port.in.ManagePlacesUseCase;
import fr.maillage.application.setup.port.in.OperatorsQuery;
import fr.maillage.application.booking.port.in.BookResourceUseCase;
import fr.maillage.application.member.port.in.ManageMembersUseCase;
import fr.maillage.application.member.port.in.MembersQuery;
import fr.maillage.application.membership.port.in.ManageMembershipsUseCase;
import fr.maillage.application.setup.port.in.ManageResourcesUseCase;
import fr.maillage.bootstrap.demo.DemoActivity;
import fr.maillage.bootstrap.demo.DemoData;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * The demo data, run twice against the real application, PostgreSQL and Keycloak: the networks get their operators,
 * places and offers once, and each demo manager runs their network's operators only.
 */
class DemoDataIT extends EndToEndTest {

    @Autowired
    CreateNetworkUseCase createNetwork;
    @Autowired
    FindNetworksQuery findNetworks;
    @Autowired
    InvitePersonUseCase invite;
    @Autowired
    ManageOperatorsUseCase manageOperators;
    @Autowired
    OperatorsQuery operators;
    @Autowired
    ManagePlacesUseCase managePlaces;
    @Autowired
    ManageOffersUseCase manageOffers;
    @Autowired
    Environment environment;
    @Autowired
    ManageResourcesUseCase resources;
    @Autowired
    ManageMembersUseCase members;
    @Autowired
    MembersQuery membersQuery;
    @Autowired
    ManageMembershipsUseCase memberships;
    @Autowired
    BookResourceUseCase bookings;
    @Autowired
    Clock clock;

    @Test
    void the_demo_networks_get_their_operators_and_places_once_and_their_managers_run_them() {
        KeycloakDemoAccounts accounts = new KeycloakDemoAccounts(KEYCLOAK.url(), KeycloakTestServer.REALM,
                KeycloakTestServer.ADMIN_USERNAME, KeycloakTestServer.ADMIN_PASSWORD);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("accounts", accounts));
        DemoData demo = new DemoData(createNetwork, findNetworks, invite, manageOperators, operators, managePlaces,
                manageOffers, new DemoActivity(resources, members, membersQuery, memberships, bookings, clock),
                beans.getBeanProvider(KeycloakDemoAccounts.class), environment);

        demo.run(null);
        Map<String, Long> auditAfterFirstRun = Map.of("baronnies", auditSize("baronnies"), "drome",
                auditSize("drome"), "solozere", auditSize("solozere"));
        demo.run(null);

        assertThat(Map.of("baronnies", auditSize("baronnies"), "drome", auditSize("drome"), "solozere",
                auditSize("solozere"))).as("the second run changes nothing").isEqualTo(auditAfterFirstRun);
        assertThat(names("baronnies", "places")).containsExactly("La Locomotive", "La Serre", "Les Tuves");
        assertThat(names("drome", "places")).containsExactly("Coworking de Vernoux", "Recyclerie La Fabrique");
        assertThat(names("solozere", "places")).containsExactly("Télécentre de Marvejols", "Télécentre de Mende");
        assertThat(names("baronnies", "operators")).contains("Communauté de communes du Sisteronais-Buëch");
        JsonNode card = items("baronnies", "offers", platformAdmin()).stream()
                .filter(o -> o.get("name").asString().equals("Carte 10 entrées")).findFirst().orElseThrow();
        assertThat(card.get("terms").get("entries").asInt()).isEqualTo(10);
        assertThat(card.get("terms").get("entryDuration").asString()).isEqualTo("PT3H");
        assertThat(card.get("terms").get("validity").asString()).isEqualTo("P1Y");
        assertThat(card.get("priceCents").asLong()).isEqualTo(5000);
        assertThat(card.get("entryValueCents").asLong()).isEqualTo(500);
        assertThat(names("solozere", "offers")).containsExactly("Carte 5 journées");
        assertThat(names("drome", "offers")).containsExactly("Adhésion atelier à l’année", "Carte 10 demi-journées",
                "Journée", "Séance d’atelier");
        // Every network has its member files, and their sales paid at the desk are invoiced under the operator's
        // VAT regime (franchise in Vernoux, exemption at La Fabrique).
        for (String slug : List.of("baronnies", "drome", "solozere")) {
            assertThat(items(slug, "members", platformAdmin())).as(slug).hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(items("drome", "invoices", platformAdmin())).extracting(i -> i.get("vatMention").asString())
                .contains("TVA non applicable, art. 293 B du CGI", "Exonération de TVA, art. 261, 7-1° b du CGI");

        JsonNode laSerre = items("baronnies", "places", platformAdmin()).stream()
                .filter(p -> p.get("name").asString().equals("La Serre")).findFirst().orElseThrow();
        assertThat(laSerre.get("insee").asString()).isEqualTo("05166");
        JsonNode weekly = laSerre.get("hours").get("definition").get("weekly");
        assertThat(weekly.get("MONDAY").get(0).asString()).isEqualTo("09:00-17:00");
        assertThat(weekly.get("TUESDAY").get(0).asString()).isEqualTo("09:00-17:00");
        assertThat(weekly.get("THURSDAY").get(0).asString()).isEqualTo("14:00-17:00");
        assertThat(weekly.get("WEDNESDAY").isEmpty()).isTrue();

        String manager = KEYCLOAK.accessToken("gestion@baronnies.maillage.test", DemoData.PASSWORD);
        Api.Reply mine = api.get("/api/networks/baronnies/places/" + laSerre.get("id").asString()).token(manager)
                .send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        Api.Reply updated = api.put("/api/networks/baronnies/places/" + laSerre.get("id").asString(),
                placeJson(laSerre)).token(manager).header("If-Match", mine.header("ETag")).send();
        assertThat(updated.status()).as("the demo manager runs La Serre's operator: " + updated).isEqualTo(200);
        String lozere = items("solozere", "places", platformAdmin()).getFirst().get("id").asString();
        assertThat(api.get("/api/networks/solozere/places/" + lozere).token(manager).send().status())
                .as("another network's place").isEqualTo(404);

        List<JsonNode> rooms = items("baronnies", "places/" + laSerre.get("id").asString() + "/resources",
                platformAdmin());
        assertThat(rooms).extracting(r -> r.get("name").asString()).containsExactly("Salle de réunion");
        List<JsonNode> people = items("baronnies", "members", manager);
        assertThat(people).extracting(m -> m.get("familyName").asString())
                .contains("Martin", "Bernard", "Dubois", "Roux", "Fabre", "Membre", "Nomade");
        Map<String, Long> statuses = people.stream()
                .filter(m -> m.get("email").asString().endsWith("@baronnies.exemple.test"))
                .flatMap(m -> items("baronnies", "members/" + m.get("id").asString() + "/memberships",
                        platformAdmin()).stream())
                .collect(Collectors.groupingBy(m -> m.get("status").asString(), Collectors.counting()));
        assertThat(statuses).as("four paid, one paid by half").isEqualTo(Map.of("ACTIVE", 4L, "PENDING_PAYMENT", 1L));
        String morgane = KEYCLOAK.accessToken("membre@baronnies.maillage.test", DemoData.PASSWORD);
        assertThat(items("baronnies", "me/memberships", morgane)).extracting(m -> m.get("status").asString())
                .containsExactly("ACTIVE");
        JsonNode room = items("baronnies", "places/" + items("baronnies", "places", platformAdmin()).stream()
                .filter(p -> p.get("name").asString().equals("La Locomotive")).findFirst().orElseThrow()
                .get("id").asString() + "/resources", platformAdmin()).getFirst();
        Api.Reply agenda = api.get("/api/networks/baronnies/resources/" + room.get("id").asString()
                + "/bookings?from=" + java.time.LocalDate.now(clock) + "&to="
                + java.time.LocalDate.now(clock).plusDays(40)).token(platformAdmin()).send();
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        assertThat(agenda.json().get("bookings").size()).as("the demo bookings of the meeting rooms")
                .isGreaterThanOrEqualTo(1);
    }

    private long auditSize(String slug) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/audit?size=1").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("totalItems").asLong();
    }

    private List<String> names(String slug, String what) {
        return items(slug, what, platformAdmin()).stream()
                .map(i -> i.has("name") ? i.get("name").asString() : i.get("legalName").asString())
                .sorted().collect(Collectors.toList());
    }

    private List<JsonNode> items(String slug, String what, String token) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/" + what + "?size=100").token(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return List.copyOf(reply.json().get("items").values());
    }

    /** The place as read, in the shape the API takes (its own fields only). */
    private static String placeJson(JsonNode p) {
        return """
                {"operatorId": "%s", "name": "%s", "kinds": %s, "address": {"line1": "%s", "postalCode": "%s",
                 "town": "%s"}, "commune": "%s", "insee": "%s", "latitude": %s, "longitude": %s, "capacity": %d,
                 "descriptionFr": "Mis à jour par le gestionnaire."}""".formatted(p.get("operatorId").asString(),
                p.get("name").asString(), p.get("kinds"), p.get("address").get("line1").asString(),
                p.get("address").get("postalCode").asString(), p.get("address").get("town").asString(),
                p.get("commune").asString(), p.get("insee").asString(), p.get("latitude"), p.get("longitude"),
                p.get("capacity").asInt());
    }
}
