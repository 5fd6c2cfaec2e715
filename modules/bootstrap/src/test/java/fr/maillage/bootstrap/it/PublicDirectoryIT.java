package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.directory.port.in.PublicDirectoryQuery;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Anyone finds a network's open places, their hours and where they are, in open formats, with cache validation. */
class PublicDirectoryIT extends EndToEndTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    PublicDirectoryQuery directoryQuery;

    String network;
    String operatorId;
    String serreId;
    Person animator;

    @BeforeEach
    void aNetworkWithLaSerreOpenAndAProjectNotYetOpen() {
        network = newNetwork("annuaire");
        animator = personIn(network, NetworkRole.ANIMATOR);
        Api.Reply operator = api.post("/api/networks/" + network + "/operators", """
                {"legalName": "Communauté de communes du Serrois", "siren": "732829320",
                 "address": {"line1": "Place de la Mairie", "postalCode": "05700", "town": "Serres"},
                 "vatRegime": {"type": "FRANCHISE"}, "invoicePrefix": "SERRES"}""").token(animator.token()).send();
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);
        operatorId = operator.json().get("id").asString();
        Api.Reply serre = api.post("/api/networks/" + network + "/places", placeJson(operatorId, "La Serre", "OPEN",
                44.4291, 5.7180)).token(animator.token()).send();
        assertThat(serre.status()).as(serre.toString()).isEqualTo(201);
        serreId = serre.json().get("id").asString();
        Api.Reply project = api.post("/api/networks/" + network + "/places", placeJson(operatorId, "Futur tiers-lieu",
                "PROJECT", 44.43, 5.72)).token(animator.token()).send();
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
    }

    private static String placeJson(String operatorId, String name, String status, double lat, double lon) {
        return """
                {"operatorId": "%s", "name": "%s", "kinds": ["COWORKING", "FRANCE_SERVICES"],
                 "address": {"line1": "Place de la Mairie", "postalCode": "05700", "town": "Serres"},
                 "commune": "Serres", "insee": "05166", "latitude": %s, "longitude": %s, "capacity": 8,
                 "services": ["WIFI", "PRINTER"], "status": "%s", "descriptionFr": "Espace de coworking dans la MSAP",
                 "hours": {"weekly": {"MONDAY": ["09:00-17:00"], "TUESDAY": ["09:00-17:00"],
                                      "THURSDAY": ["14:00-17:00"]}, "closedOnPublicHolidays": true}}"""
                .formatted(operatorId, name, lat, lon, status);
    }

    @Test
    void the_directory_lists_open_places_only_without_login() {
        Api.Reply reply = api.get("/api/public/networks/" + network + "/places").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.at("/network/slug").asString()).isEqualTo(network);
        assertThat(body.get("places").values()).extracting(p -> p.get("name").asString()).containsExactly("La Serre");
        JsonNode serre = body.get("places").get(0);
        assertThat(serre.get("departement").asString()).isEqualTo("05");
        assertThat(serre.get("week").size()).isEqualTo(7);
        JsonNode monday = serre.get("week").values().stream()
                .filter(d -> d.get("dayOfWeek").asString().equals("MONDAY")).findFirst().orElseThrow();
        LocalDate mondayDate = LocalDate.parse(monday.get("date").asString());
        boolean holiday = monday.get("source").asString().equals("PUBLIC_HOLIDAY");
        assertThat(monday.get("hours").values()).extracting(JsonNode::asString)
                .containsExactlyElementsOf(holiday ? List.of() : List.of("09:00-17:00"));
        assertThat(mondayDate.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(serre.get("nextOpening").isNull()).as("La Serre opens every week").isFalse();
        assertThat(serre.get("calendar").asString()).endsWith("/places/la-serre/openings.ics");
    }

    @Test
    void geojson_points_are_longitude_then_latitude() {
        Api.Reply reply = api.get("/api/public/networks/" + network + "/places.geojson").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/geo+json");
        JsonNode collection = reply.json();
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").size()).isEqualTo(1);
        JsonNode feature = collection.get("features").get(0);
        assertThat(feature.at("/geometry/type").asString()).isEqualTo("Point");
        assertThat(feature.at("/geometry/coordinates/0").asDouble()).isEqualTo(5.718);
        assertThat(feature.at("/geometry/coordinates/1").asDouble()).isEqualTo(44.4291);
        assertThat(feature.at("/properties/name").asString()).isEqualTo("La Serre");
    }

    @Test
    void the_csv_has_the_documented_columns_and_one_row_per_open_place() {
        Api.Reply reply = api.get("/api/public/networks/" + network + "/places.csv").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/csv");
        String[] lines = reply.body().split("\r\n");
        assertThat(lines[0]).startsWith("slug,name,kinds,address,postal_code,town,commune,insee,departement,latitude,"
                + "longitude,capacity,services");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("la-serre,La Serre,COWORKING|FRANCE_SERVICES,Place de la Mairie,05700,Serres,"
                + "Serres,05166,05,44.4291,5.718,8,PRINTER|WIFI");
        assertThat(lines[1]).contains(",09:00-17:00,09:00-17:00,,14:00-17:00,,,,true,");
    }

    @Test
    void the_icalendar_feed_lists_the_openings_of_the_coming_weeks_in_utc() {
        Api.Reply reply = api.get("/api/public/networks/" + network + "/places/la-serre/openings.ics").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/calendar");
        String ics = reply.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        long events = ics.lines().filter(l -> l.equals("BEGIN:VEVENT")).count();
        assertThat(events).as("3 openings a week for 8 weeks, less public holidays").isBetween(20L, 24L);
        String firstStart = ics.lines().filter(l -> l.startsWith("DTSTART:")).findFirst().orElseThrow();
        String local = java.time.ZonedDateTime.parse(firstStart.substring(8, 16) + "T" + firstStart.substring(17, 23)
                + "Z", java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).withZoneSameInstant(PARIS)
                .toLocalTime().toString();
        assertThat(local).isIn("09:00", "14:00");
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
    }

    @Test
    void an_unchanged_directory_answers_304_and_a_changed_one_a_new_etag() {
        Api.Reply first = api.get("/api/public/networks/" + network + "/places.geojson").send();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("max-age=60").contains("public");
        Api.Reply again = api.get("/api/public/networks/" + network + "/places.geojson").header("If-None-Match", etag)
                .send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        Api.Reply other = api.get("/api/public/networks/" + network + "/places.geojson")
                .header("If-None-Match", "\"something-else\"").send();
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void a_change_to_a_place_shows_at_once_despite_the_reuse_of_renderings() {
        Api.Reply before = api.get("/api/public/networks/" + network + "/places.geojson").send();
        assertThat(api.get("/api/public/networks/" + network + "/places.geojson").send().header("ETag"))
                .as("unchanged data, same rendering").isEqualTo(before.header("ETag"));
        Api.Reply renamed = api.put("/api/networks/" + network + "/places/" + serreId,
                placeJson(operatorId, "La Serre, coworking de Serres", "OPEN", 44.4291, 5.7180))
                .token(animator.token()).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Api.Reply after = api.get("/api/public/networks/" + network + "/places.geojson")
                .header("If-None-Match", before.header("ETag")).send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().at("/features/0/properties/name").asString())
                .isEqualTo("La Serre, coworking de Serres");
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
    }

    @Test
    void each_open_place_shows_the_offers_on_sale_that_apply_to_it_and_offers_change_the_fingerprint() {
        String stampBefore = directoryQuery.stamp(NetworkSlug.of(network));
        String othersId = api.post("/api/networks/" + network + "/operators", """
                {"legalName": "Association Les Tuves", "siren": "779384320",
                 "address": {"line1": "Quartier Les Tuves", "postalCode": "26170", "town": "Buis-les-Baronnies"},
                 "vatRegime": {"type": "LIABLE", "rates": ["20"]}, "invoicePrefix": "TUVES"}""")
                .token(animator.token()).send().json().get("id").asString();
        assertThat(api.post("/api/networks/" + network + "/places", placeJson(othersId, "Les Tuves", "OPEN", 44.27,
                5.27)).token(animator.token()).send().status()).isEqualTo(201);
        Api.Reply card = api.post("/api/networks/" + network + "/offers", OffersIT.LA_SERRE_CARD.formatted(operatorId))
                .token(animator.token()).send();
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        Api.Reply chosen = api.post("/api/networks/" + network + "/offers", """
                {"operatorId": "%s", "name": "Journée à La Serre", "terms": {"type": "DAY_PASS"}, "priceCents": 800,
                 "scope": {"type": "CHOSEN_PLACES", "placeIds": ["%s"]}}""".formatted(operatorId, serreId))
                .token(animator.token()).send();
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
        Api.Reply gone = api.post("/api/networks/" + network + "/offers", """
                {"operatorId": "%s", "name": "Ancienne carte", "terms": {"type": "DAY_PASS"}, "priceCents": 500,
                 "scope": {"type": "OPERATOR_PLACES"}}""".formatted(operatorId)).token(animator.token()).send();
        String goneId = gone.json().get("id").asString();
        String stampWithOffers = directoryQuery.stamp(NetworkSlug.of(network));
        assertThat(stampWithOffers).isNotEqualTo(stampBefore);
        assertThat(api.post("/api/networks/" + network + "/offers/" + goneId + "/archive", null)
                .token(animator.token()).send().status()).isEqualTo(200);
        String stampArchived = directoryQuery.stamp(NetworkSlug.of(network));
        assertThat(stampArchived).as("archiving an offer changes the fingerprint").isNotEqualTo(stampWithOffers);
        assertThat(directoryQuery.stamp(NetworkSlug.of(network))).as("no change, same fingerprint")
                .isEqualTo(stampArchived);

        JsonNode places = api.get("/api/public/networks/" + network + "/places").send().json().get("places");
        JsonNode serre = places.values().stream().filter(p -> p.get("name").asString().equals("La Serre"))
                .findFirst().orElseThrow();
        assertThat(serre.get("offers").values()).extracting(o -> o.get("name").asString())
                .containsExactly("Carte 10 entrées", "Journée à La Serre");
        JsonNode serreCard = serre.get("offers").get(0);
        assertThat(serreCard.get("kind").asString()).isEqualTo("CARD");
        assertThat(serreCard.get("priceEuros").decimalValue()).isEqualByComparingTo("50");
        assertThat(serreCard.get("entries").asInt()).isEqualTo(10);
        assertThat(serreCard.get("entryDuration").asString()).isEqualTo("PT3H");
        JsonNode tuves = places.values().stream().filter(p -> p.get("name").asString().equals("Les Tuves"))
                .findFirst().orElseThrow();
        assertThat(tuves.get("offers").isEmpty()).as("another operator's offers do not apply").isTrue();
        Api.Reply one = api.get("/api/public/networks/" + network + "/places/la-serre").send();
        assertThat(one.json().get("offers").values()).extracting(o -> o.get("name").asString())
                .containsExactly("Carte 10 entrées", "Journée à La Serre");
        assertThat(api.get("/api/public/networks/" + network + "/places.geojson").send().json()
                .at("/features/0/properties/offers").isArray()).isTrue();
    }

    @Test
    void unknown_and_archived_networks_and_places_not_open_do_not_exist_here() {
        assertThat(api.get("/api/public/networks/" + uniqueSlug("nulle-part") + "/places").send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/public/networks/" + network + "/places/futur-tiers-lieu").send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/networks/" + network + "/archive", null).token(platformAdmin()).send().status())
                .isEqualTo(200);
        Api.Reply archived = api.get("/api/public/networks/" + network + "/places.csv").lang("en").send();
        assertThat(archived.status()).isEqualTo(404);
        assertThat(archived.contentType()).startsWith("application/problem+json");
        assertThat(archived.header("Content-Language")).isEqualTo("en");
    }
}
