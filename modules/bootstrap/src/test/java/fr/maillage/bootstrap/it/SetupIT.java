package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.hours.FrenchPublicHolidays;
import fr.maillage.domain.network.NetworkRole;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The set-up of a network end to end: operators (animators), which operators a manager runs, places with their
 * opening hours (managers for their operators), read by members; every bad input is a 400 with field errors in French
 * or English, a taken invoice prefix a 409, a stale If-Match a 412, another network's people get 404, and every
 * change is in the audit log.
 */
class SetupIT extends EndToEndTest {

    /** Luhn-valid; {@link #BAD_KEY_SIREN} differs by its last digit. */
    static final String SIREN = "200068765";
    static final String BAD_KEY_SIREN = "200068766";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** La Serre's week: Monday and Tuesday 09:00-17:00, Thursday 14:00-17:00. */
    static final Map<DayOfWeek, List<LocalTime[]>> LA_SERRE = Map.of(
            DayOfWeek.MONDAY, List.<LocalTime[]>of(new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(17, 0)}),
            DayOfWeek.TUESDAY, List.<LocalTime[]>of(new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(17, 0)}),
            DayOfWeek.THURSDAY, List.<LocalTime[]>of(new LocalTime[] {LocalTime.of(14, 0), LocalTime.of(17, 0)}));
    static final String LA_SERRE_HOURS = """
            {"weekly": {"MONDAY": ["09:00-17:00"], "TUESDAY": ["09:00-17:00"], "THURSDAY": ["14:00-17:00"]},
             "closedOnPublicHolidays": true}""";

    @Test
    void la_serre_is_set_up_by_its_animator_and_manager_and_read_by_members() {
        String slug = baronnies();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person member = personIn(slug, NetworkRole.MEMBER);

        Api.Reply created = api.post(operators(slug), operatorJson("Communauté de communes du Sisteronais-Buëch",
                "200 068 765", "{\"type\":\"FRANCHISE\"}", "CCSB")).token(animator.token()).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode operator = created.json();
        String operatorId = operator.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/networks/" + slug + "/operators/" + operatorId);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(operator.get("legalName").asString()).isEqualTo("Communauté de communes du Sisteronais-Buëch");
        assertThat(operator.get("siren").asString()).isEqualTo(SIREN);
        assertThat(operator.get("sirenFormatted").asString()).isEqualTo("200 068 765");
        assertThat(operator.get("vatRegime").get("type").asString()).isEqualTo("FRANCHISE");
        assertThat(operator.get("vatRegime").get("invoiceMention").asString())
                .isEqualTo("TVA non applicable, art. 293 B du CGI");
        assertThat(operator.get("invoicePrefix").asString()).isEqualTo("CCSB");
        assertThat(operator.get("address").get("town").asString()).isEqualTo("Sisteron");

        Api.Reply readByMember = api.get(operators(slug) + "/" + operatorId).token(member.token()).send();
        assertThat(readByMember.status()).as(readByMember.toString()).isEqualTo(200);
        assertThat(readByMember.json()).isEqualTo(operator);
        assertThat(ids(api.get(operators(slug)).token(member.token()).send())).containsExactly(operatorId);

        Api.Reply scoped = api.put(managerOperators(slug, manager.subject()),
                "{\"operatorIds\":[\"" + operatorId + "\"]}").token(animator.token()).send();
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(200);
        assertThat(scoped.json().get("operatorIds").values()).extracting(JsonNode::asString)
                .containsExactly(operatorId);

        Api.Reply place = api.post(places(slug), laSerreJson(operatorId, LA_SERRE_HOURS)).token(manager.token())
                .send();

        assertThat(place.status()).as(place.toString()).isEqualTo(201);
        String placeId = place.json().get("id").asString();
        assertThat(place.header("Location")).isEqualTo("/api/networks/" + slug + "/places/" + placeId);
        Instant before = Instant.now();
        Api.Reply read = api.get(places(slug) + "/" + placeId).token(member.token()).send();
        Instant after = Instant.now();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode laSerre = read.json();
        assertThat(laSerre.get("slug").asString()).isEqualTo("la-serre");
        assertThat(laSerre.get("name").asString()).isEqualTo("La Serre");
        assertThat(laSerre.get("operatorId").asString()).isEqualTo(operatorId);
        assertThat(laSerre.get("commune").asString()).isEqualTo("Serres");
        assertThat(laSerre.get("insee").asString()).isEqualTo("05166");
        assertThat(laSerre.get("departement").asString()).isEqualTo("05");
        assertThat(laSerre.get("latitude").asDouble()).isEqualTo(44.4297);
        assertThat(laSerre.get("longitude").asDouble()).isEqualTo(5.7167);
        assertThat(laSerre.get("kinds").values()).extracting(JsonNode::asString)
                .containsExactly("COWORKING", "FRANCE_SERVICES");
        assertThat(laSerre.get("status").asString()).isEqualTo("OPEN");

        JsonNode hours = laSerre.get("hours");
        assertThat(hours.get("timeZone").asString()).isEqualTo("Europe/Paris");
        JsonNode definition = hours.get("definition");
        assertThat(definition.get("weekly").get("MONDAY").values()).extracting(JsonNode::asString)
                .containsExactly("09:00-17:00");
        assertThat(definition.get("weekly").get("TUESDAY").values()).extracting(JsonNode::asString)
                .containsExactly("09:00-17:00");
        assertThat(definition.get("weekly").get("THURSDAY").values()).extracting(JsonNode::asString)
                .containsExactly("14:00-17:00");
        for (String closed : List.of("WEDNESDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            assertThat(definition.get("weekly").get(closed).isEmpty()).as(closed).isTrue();
        }
        assertThat(definition.get("closedOnPublicHolidays").asBoolean()).isTrue();
        assertThat(definition.get("exceptions").isEmpty()).isTrue();

        Expected atBefore = expected(before);
        Expected atAfter = expected(after);
        Expected shown = new Expected(hours.get("openNow").asBoolean(), instant(hours.get("nextOpening")),
                instant(hours.get("closesAt")));
        assertThat(shown).as("open now, next opening and closing, as computed at the time of the call")
                .isIn(atBefore, atAfter);

        List<JsonNode> week = List.copyOf(hours.get("thisWeek").values());
        assertThat(week).hasSize(7);
        LocalDate monday = LocalDate.ofInstant(after, PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            JsonNode day = week.get(i);
            assertThat(day.get("date").asString()).isEqualTo(date.toString());
            assertThat(day.get("dayOfWeek").asString()).isEqualTo(date.getDayOfWeek().name());
            List<String> expectedHours = FrenchPublicHolidays.on(date).isPresent() ? List.of()
                    : LA_SERRE.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                            .map(r -> r[0] + "-" + r[1]).toList();
            assertThat(day.get("hours").values()).extracting(JsonNode::asString).as(date.toString())
                    .containsExactlyElementsOf(expectedHours);
            assertThat(day.get("source").asString()).isEqualTo(
                    FrenchPublicHolidays.on(date).isPresent() ? "PUBLIC_HOLIDAY" : "WEEKLY");
        }
        assertThat(ids(api.get(places(slug)).token(member.token()).send())).containsExactly(placeId);

        // Updates, with the ETag read, by the animator (operator) and the manager (place).
        Api.Reply renamed = api.put(operators(slug) + "/" + operatorId, operatorJson(
                "Communauté de communes du Sisteronais-Buëch (CCSB)", SIREN + "00003",
                "{\"type\":\"EXEMPT\",\"legalBasis\":\"Exonération de TVA, art. 261, 7-1° du CGI\"}", "ccsb"))
                .token(animator.token()).header("If-Match", "\"0\"").send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        assertThat(renamed.json().get("siren").asString()).isEqualTo(SIREN + "00003");
        assertThat(renamed.json().get("vatRegime").get("type").asString()).isEqualTo("EXEMPT");
        assertThat(renamed.json().get("vatRegime").get("invoiceMention").asString())
                .isEqualTo("Exonération de TVA, art. 261, 7-1° du CGI");

        String special = """
                {"weekly": {"MONDAY": ["09:00-17:00"], "TUESDAY": ["09:00-17:00"], "THURSDAY": ["14:00-17:00"]},
                 "exceptions": [{"type": "CLOSED", "from": "2026-12-24", "to": "2027-01-02", "label": "Fêtes"},
                                {"type": "SPECIAL", "date": "2026-12-05", "hours": ["10:00-12:00"],
                                 "label": "Portes ouvertes"}],
                 "closedOnPublicHolidays": true}""";
        Api.Reply updated = api.put(places(slug) + "/" + placeId, laSerreJson(operatorId, special))
                .token(manager.token()).header("If-Match", read.header("ETag")).send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        List<JsonNode> exceptions = List.copyOf(updated.json().get("hours").get("definition").get("exceptions")
                .values());
        assertThat(exceptions).extracting(e -> e.get("type").asString()).containsExactly("SPECIAL", "CLOSED");
        assertThat(exceptions.get(0).get("date").asString()).isEqualTo("2026-12-05");
        assertThat(exceptions.get(0).get("hours").get(0).asString()).isEqualTo("10:00-12:00");
        assertThat(exceptions.get(1).get("from").asString()).isEqualTo("2026-12-24");
        assertThat(exceptions.get(1).get("to").asString()).isEqualTo("2027-01-02");
        assertThat(exceptions.get(1).get("label").asString()).isEqualTo("Fêtes");

        Api.Reply stale = api.put(places(slug) + "/" + placeId, laSerreJson(operatorId, LA_SERRE_HOURS))
                .token(manager.token()).header("If-Match", "\"0\"").send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(code(stale)).isEqualTo("precondition.failed");
        Api.Reply staleOperator = api.put(operators(slug) + "/" + operatorId, operatorJson("CCSB", SIREN,
                "{\"type\":\"FRANCHISE\"}", "CCSB")).token(animator.token()).header("If-Match", "\"0\"").send();
        assertThat(staleOperator.status()).as(staleOperator.toString()).isEqualTo(412);
        assertThat(api.get(operators(slug) + "/" + operatorId).token(member.token()).send().json()
                .get("legalName").asString()).isEqualTo("Communauté de communes du Sisteronais-Buëch (CCSB)");

        List<JsonNode> audit = audit(slug);
        assertThat(audit).extracting(e -> e.get("action").asString()).startsWith("place.updated", "operator.updated",
                "place.created", "manager.operators.set", "operator.created");
        assertThat(audit.subList(0, 5)).extracting(e -> e.get("actor").asString()).containsExactly(
                manager.subject(), animator.subject(), manager.subject(), animator.subject(), animator.subject());
        assertThat(audit.subList(0, 5)).extracting(e -> e.get("target").asString()).containsExactly(
                placeId, operatorId, placeId, manager.subject(), operatorId);
        assertThat(audit.get(3).get("details").get("operators").asString()).isEqualTo(operatorId);
    }

    @Test
    void bad_inputs_are_400_with_each_field_named_in_french_or_in_english() {
        String slug = baronnies();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);

        Api.Reply badKey = api.post(operators(slug), operatorJson("CCSB", BAD_KEY_SIREN,
                "{\"type\":\"LIABLE\",\"rates\":[\"20\",\"vingt\",\"5,5\"]}", "CC-SB")).token(animator.token()).send();
        assertThat(badKey.status()).as(badKey.toString()).isEqualTo(400);
        assertThat(badKey.header("Content-Language")).isEqualTo("fr");
        assertThat(errors(badKey)).containsExactly(
                "siren:operator.siren.key:Ce numéro SIREN ou SIRET n’est pas valide (clé de contrôle incorrecte).",
                "vatRegime.rates[1]:vat.rate.format:Taux de TVA illisible : « vingt » (exemples : 20, 5,5).",
                "invoicePrefix:operator.invoice-prefix.format:"
                        + "Le préfixe de facturation compte de 2 à 10 lettres majuscules ou chiffres.");
        Api.Reply badKeyEn = api.post(operators(slug), operatorJson("CCSB", BAD_KEY_SIREN,
                "{\"type\":\"LIABLE\",\"rates\":[\"20\",\"vingt\",\"5,5\"]}", "CC-SB")).token(animator.token())
                .lang("en").send();
        assertThat(badKeyEn.status()).isEqualTo(400);
        assertThat(badKeyEn.header("Content-Language")).isEqualTo("en");
        assertThat(fieldsAndCodes(badKeyEn)).containsExactly("siren:operator.siren.key",
                "vatRegime.rates[1]:vat.rate.format", "invoicePrefix:operator.invoice-prefix.format");
        assertThat(messages(badKeyEn)).allSatisfy(m -> assertThat(m).doesNotContain("é", " d’", " l’", " n’", " qu’"));

        Api.Reply missing = api.post(operators(slug), "{}").token(animator.token()).lang("en").send();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(errors(missing)).containsExactly("legalName:field.required:This field is required.",
                "siren:field.required:This field is required.", "address:field.required:This field is required.",
                "vatRegime:field.required:This field is required.",
                "invoicePrefix:field.required:This field is required.");

        List<String> vatProblems = new ArrayList<>();
        for (String vat : List.of("{}", "{\"type\":\"LIABLE\"}", "{\"type\":\"LIABLE\",\"rates\":[\"20\",\"20\"]}",
                "{\"type\":\"LIABLE\",\"rates\":[\"120\"]}", "{\"type\":\"LIABLE\",\"rates\":[null]}",
                "{\"type\":\"EXEMPT\"}", "{\"type\":\"TVA\"}")) {
            Api.Reply reply = api.post(operators(slug), operatorJson("CCSB", SIREN, vat, "CCSB"))
                    .token(animator.token()).send();
            assertThat(reply.status()).as(vat + " " + reply).isEqualTo(400);
            vatProblems.addAll(fieldsAndCodes(reply));
        }
        assertThat(vatProblems).containsExactly("vatRegime.type:field.required",
                "vatRegime.rates:operator.vat.rates.empty", "vatRegime.rates:operator.vat.rates.duplicate",
                "vatRegime.rates[0]:vat.rate.range", "vatRegime.rates[0]:field.required",
                "vatRegime.legalBasis:operator.vat.legal-basis.length", "vatRegime.type:operator.vat.type.unknown");

        Api.Reply badAddress = api.post(operators(slug), "{\"legalName\":\"CCSB\",\"siren\":\"" + SIREN
                + "\",\"address\":{\"line1\":\"\",\"postalCode\":\"5200\"},\"vatRegime\":{\"type\":\"FRANCHISE\"},"
                + "\"invoicePrefix\":\"CCSB\"}").token(animator.token()).send();
        assertThat(fieldsAndCodes(badAddress)).containsExactly("address.line1:field.required",
                "address.postalCode:address.postal-code.format", "address.town:field.required");

        String operatorId = api.post(operators(slug), operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}",
                "CCSB")).token(animator.token()).send().json().get("id").asString();

        String badPlace = laSerreJson(operatorId, """
                {"weekly": {"MONDAY": ["09:00-12:00", "11:00-14:00"], "MOONDAY": ["09:00-17:00"],
                            "TUESDAY": ["9h-midi"]},
                 "exceptions": [{"type": "CLOSED", "from": "2026-12-24", "to": "2026-12-20"},
                                {"type": "SPECIAL", "hours": ["10:00-12:00"]}, {"type": "HOLIDAY"}, null]}""")
                .replace("\"05166\"", "\"5166\"");
        Api.Reply french = api.post(places(slug), badPlace).token(animator.token()).send();
        assertThat(french.status()).as(french.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(french)).containsExactly(
                "hours.weekly.MONDAY:hours.range.overlap",
                "hours.weekly.MOONDAY:hours.day.unknown",
                "hours.weekly.TUESDAY:hours.time.malformed",
                "hours.exceptions[0]:hours.exception.period.invalid",
                "hours.exceptions[1].date:field.required",
                "hours.exceptions[2].type:hours.exception.type",
                "hours.exceptions[3]:field.required",
                "insee:place.insee.format");
        assertThat(messages(french)).contains("Jour inconnu : « MOONDAY » (MONDAY … SUNDAY).",
                "Le code INSEE de la commune compte 5 caractères et commence par un département (exemple : 05166).");
        Api.Reply english = api.post(places(slug), badPlace).token(animator.token()).lang("en").send();
        assertThat(english.status()).isEqualTo(400);
        assertThat(fieldsAndCodes(english)).isEqualTo(fieldsAndCodes(french));
        assertThat(messages(english)).contains("Unknown day: \"MOONDAY\" (MONDAY ... SUNDAY).");

        Api.Reply empty = api.post(places(slug), "{\"hours\":{\"weekly\":{\"MONDAY\":[null]}},\"kinds\":[],"
                + "\"capacity\":0,\"latitude\":95.0,\"longitude\":5.7}").token(animator.token()).send();
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(empty)).containsExactly("hours.weekly.MONDAY[0]:field.required",
                "operatorId:field.required", "name:field.required", "kinds:place.kinds.empty",
                "address:field.required", "commune:field.required", "insee:field.required",
                "latitude:place.coordinates.range", "capacity:place.capacity.range");

        Api.Reply wrongType = api.post(places(slug), laSerreJson(operatorId, LA_SERRE_HOURS)
                .replace("\"capacity\": 12", "\"capacity\": \"douze\"")).token(animator.token()).send();
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(wrongType)).containsExactly("capacity:field.type");
        Api.Reply unknownOperator = api.post(places(slug), laSerreJson(UUID.randomUUID().toString(),
                LA_SERRE_HOURS)).token(animator.token()).send();
        assertThat(fieldsAndCodes(unknownOperator)).containsExactly("operatorId:operator.not-found");
        Api.Reply badOperatorIds = api.put(managerOperators(slug, animator.subject()),
                "{\"operatorIds\":[\"x\"]}").token(animator.token()).send();
        assertThat(fieldsAndCodes(badOperatorIds)).containsExactly("operatorIds[0]:operator.id.format");

        assertThat(ids(api.get(places(slug)).token(animator.token()).send())).as("nothing was written").isEmpty();
        assertThat(ids(api.get(operators(slug)).token(animator.token()).send())).containsExactly(operatorId);
    }

    @Test
    void an_invoice_prefix_is_unique_in_a_network_but_not_across_networks() {
        String slug = baronnies();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        assertThat(api.post(operators(slug), operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}", "SERRE"))
                .token(animator.token()).send().status()).isEqualTo(201);
        Api.Reply other = api.post(operators(slug), operatorJson("Association Les Tuves", "240500348",
                "{\"type\":\"LIABLE\",\"rates\":[\"20\",\"5.5\"]}", "TUVES")).token(animator.token()).send();
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(other.json().get("vatRegime").get("rates").values()).extracting(JsonNode::asString)
                .containsExactly("20", "5.5");

        Api.Reply taken = api.post(operators(slug), operatorJson("Autre", "240500348", "{\"type\":\"FRANCHISE\"}",
                "serre")).token(animator.token()).send();
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(code(taken)).isEqualTo("operator.invoice-prefix.taken");
        assertThat(taken.json().get("detail").asString()).contains("SERRE");
        Api.Reply takenOnUpdate = api.put(operators(slug) + "/" + other.json().get("id").asString(),
                operatorJson("Association Les Tuves", "240500348", "{\"type\":\"FRANCHISE\"}", "SERRE"))
                .token(animator.token()).lang("en").send();
        assertThat(takenOnUpdate.status()).as(takenOnUpdate.toString()).isEqualTo(409);
        assertThat(code(takenOnUpdate)).isEqualTo("operator.invoice-prefix.taken");
        assertThat(ids(api.get(operators(slug)).token(animator.token()).send())).hasSize(2);

        String elsewhere = baronnies();
        assertThat(api.post(operators(elsewhere), operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}", "SERRE"))
                .token(platformAdmin()).send().status()).as("another network may use it").isEqualTo(201);
    }

    @Test
    void a_place_slug_is_unique_in_a_network_and_an_archived_network_refuses_any_change() {
        String slug = baronnies();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String operatorId = api.post(operators(slug), operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}",
                "CCSB")).token(animator.token()).send().json().get("id").asString();
        Api.Reply first = api.post(places(slug), laSerreJson(operatorId, LA_SERRE_HOURS)).token(animator.token())
                .send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Reply second = api.post(places(slug), laSerreJson(operatorId, LA_SERRE_HOURS)).token(animator.token())
                .send();
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("place.slug.taken");
        String withSlug = laSerreJson(operatorId, LA_SERRE_HOURS)
                .replace("\"operatorId\"", "\"slug\": \"la-serre-2\", \"operatorId\"");
        Api.Reply renamed = api.post(places(slug), withSlug).token(animator.token()).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(201);
        assertThat(renamed.json().get("slug").asString()).isEqualTo("la-serre-2");

        assertThat(api.post("/api/networks/" + slug + "/archive", null).token(platformAdmin()).send().status())
                .isEqualTo(200);
        String placeId = first.json().get("id").asString();
        List<Api.Reply> refused = List.of(
                api.post(operators(slug), operatorJson("Autre", SIREN, "{\"type\":\"FRANCHISE\"}", "AUTRE"))
                        .token(animator.token()).send(),
                api.put(operators(slug) + "/" + operatorId, operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}",
                        "CCSB")).token(animator.token()).send(),
                api.post(places(slug), laSerreJson(operatorId, LA_SERRE_HOURS).replace("La Serre", "Trop tard"))
                        .token(platformAdmin()).send(),
                api.put(places(slug) + "/" + placeId, laSerreJson(operatorId, LA_SERRE_HOURS))
                        .token(animator.token()).send());
        assertThat(refused).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
            assertThat(code(reply)).isEqualTo("network.archived");
        });
        assertThat(api.get(places(slug) + "/" + placeId).token(animator.token()).send().status())
                .as("still readable").isEqualTo(200);
    }

    @Test
    void a_manager_sets_up_only_the_places_of_the_operators_they_run() {
        String slug = baronnies();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person member = personIn(slug, NetworkRole.MEMBER);
        String theirs = api.post(operators(slug), operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}", "CCSB"))
                .token(animator.token()).send().json().get("id").asString();
        String other = api.post(operators(slug), operatorJson("Les Tuves", "240500348", "{\"type\":\"FRANCHISE\"}",
                "TUVES")).token(animator.token()).send().json().get("id").asString();
        String otherPlace = api.post(places(slug), laSerreJson(other, LA_SERRE_HOURS).replace("La Serre", "Les Tuves"))
                .token(animator.token()).send().json().get("id").asString();
        assertThat(api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"" + theirs + "\"]}")
                .token(animator.token()).send().status()).isEqualTo(200);

        Api.Reply notTheirs = api.put(places(slug) + "/" + otherPlace, laSerreJson(other, LA_SERRE_HOURS))
                .token(manager.token()).send();
        assertThat(notTheirs.status()).as(notTheirs.toString()).isEqualTo(404);
        assertThat(code(notTheirs)).isEqualTo("place.not-found");
        Api.Reply forOther = api.post(places(slug), laSerreJson(other, LA_SERRE_HOURS)).token(manager.token()).send();
        assertThat(forOther.status()).as(forOther.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(forOther)).containsExactly("operatorId:operator.not-found");
        assertThat(api.get(places(slug) + "/" + otherPlace).token(manager.token()).send().status())
                .as("managers read every place").isEqualTo(200);

        String mine = api.post(places(slug), laSerreJson(theirs, LA_SERRE_HOURS)).token(manager.token()).send()
                .json().get("id").asString();
        Api.Reply moved = api.put(places(slug) + "/" + mine, laSerreJson(other, LA_SERRE_HOURS))
                .token(manager.token()).send();
        assertThat(fieldsAndCodes(moved)).as("nor give a place to another operator")
                .containsExactly("operatorId:operator.not-found");

        Api.Reply notAManager = api.put(managerOperators(slug, member.subject()), "{\"operatorIds\":[]}")
                .token(animator.token()).send();
        assertThat(notAManager.status()).isEqualTo(404);
        assertThat(code(notAManager)).isEqualTo("person.role.not-found");
        Api.Reply unscoped = api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[]}")
                .token(animator.token()).send();
        assertThat(unscoped.status()).as(unscoped.toString()).isEqualTo(200);
        assertThat(unscoped.json().get("operatorIds").isEmpty()).isTrue();
        assertThat(api.put(places(slug) + "/" + mine, laSerreJson(theirs, LA_SERRE_HOURS)).token(manager.token())
                .send().status()).as("no operator any more").isEqualTo(404);
    }

    @Test
    void people_of_another_network_get_404_for_its_operators_and_places() {
        String slug = baronnies();
        String elsewhere = baronnies();
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Person intruder = personIn(elsewhere, NetworkRole.ANIMATOR);
        String operatorId = api.post(operators(slug), operatorJson("CCSB", SIREN, "{\"type\":\"FRANCHISE\"}",
                "CCSB")).token(animator.token()).send().json().get("id").asString();
        String placeId = api.post(places(slug), laSerreJson(operatorId, LA_SERRE_HOURS)).token(animator.token())
                .send().json().get("id").asString();
        String operator = operatorJson("Intrus", SIREN, "{\"type\":\"FRANCHISE\"}", "INTRUS");
        String place = laSerreJson(operatorId, LA_SERRE_HOURS).replace("La Serre", "Intrus");

        List<Api.Call> inTheirNetwork = List.of(api.get(operators(slug)), api.post(operators(slug), operator),
                api.get(operators(slug) + "/" + operatorId), api.put(operators(slug) + "/" + operatorId, operator),
                api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[]}"),
                api.get(places(slug)), api.post(places(slug), place), api.get(places(slug) + "/" + placeId),
                api.put(places(slug) + "/" + placeId, place),
                // Bad inputs too: the network is hidden before anything is read.
                api.post(operators(slug), "{}"), api.put(operators(slug) + "/" + operatorId, "{}"),
                api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"x\"]}"),
                api.post(places(slug), "{}"), api.put(places(slug) + "/" + placeId, "{}"));
        for (Api.Call call : inTheirNetwork) {
            Api.Reply reply = call.token(intruder.token()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }
        Person member = personIn(slug, NetworkRole.MEMBER);
        for (Api.Call call : List.of(api.post(operators(slug), "{}"), api.put(operators(slug) + "/" + operatorId,
                "{}"), api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"x\"]}"),
                api.post(places(slug), "{}"))) {
            Api.Reply reply = call.token(member.token()).send();
            assertThat(reply.status()).as("a member's bad input: " + reply).isEqualTo(403);
            assertThat(code(reply)).isEqualTo("access.denied");
        }
        // Their ids, through the intruder's own network: unknown there.
        Api.Reply operatorThere = api.get(operators(elsewhere) + "/" + operatorId).token(intruder.token()).send();
        assertThat(code(operatorThere)).isEqualTo("operator.not-found");
        Api.Reply placeThere = api.put(places(elsewhere) + "/" + placeId, place).token(intruder.token()).send();
        assertThat(code(placeThere)).isEqualTo("place.not-found");
        Api.Reply usingTheirOperator = api.post(places(elsewhere), place).token(intruder.token()).send();
        assertThat(fieldsAndCodes(usingTheirOperator)).containsExactly("operatorId:operator.not-found");

        assertThat(ids(api.get(places(slug)).token(animator.token()).send())).containsExactly(placeId);
        assertThat(api.get(places(slug) + "/" + placeId).token(animator.token()).send().json().get("name")
                .asString()).isEqualTo("La Serre");
        assertThat(audit(slug)).extracting(e -> e.get("action").asString())
                .filteredOn(a -> a.startsWith("operator.") || a.startsWith("place.") || a.startsWith("manager."))
                .containsExactly("place.created", "operator.created");
    }

    // ---------------------------------------------------------------------------------------------- expectations

    record Expected(boolean openNow, Optional<Instant> nextOpening, Optional<Instant> closesAt) {
    }

    /** La Serre's state at {@code now}, from its week and the French public holidays, with java.time only. */
    static Expected expected(Instant now) {
        ZonedDateTime local = now.atZone(PARIS);
        Optional<Instant> closesAt = Optional.empty();
        for (LocalTime[] range : rangesOn(local.toLocalDate())) {
            LocalDateTime start = local.toLocalDate().atTime(range[0]);
            LocalDateTime end = local.toLocalDate().atTime(range[1]);
            if (!local.toLocalDateTime().isBefore(start) && local.toLocalDateTime().isBefore(end)) {
                closesAt = Optional.of(end.atZone(PARIS).toInstant());
            }
        }
        Optional<Instant> next = Optional.empty();
        for (LocalDate date = local.toLocalDate(); next.isEmpty(); date = date.plusDays(1)) {
            for (LocalTime[] range : rangesOn(date)) {
                Instant start = date.atTime(range[0]).atZone(PARIS).toInstant();
                if (start.isAfter(now) && next.isEmpty()) {
                    next = Optional.of(start);
                }
            }
        }
        return new Expected(closesAt.isPresent(), next, closesAt);
    }

    private static List<LocalTime[]> rangesOn(LocalDate date) {
        return FrenchPublicHolidays.on(date).isPresent() ? List.of()
                : LA_SERRE.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private static Optional<Instant> instant(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(Instant.parse(node.asString()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A network of the Baronnies' territory (Drôme and Hautes-Alpes), created by a platform admin. */
    private String baronnies() {
        String slug = uniqueSlug("setup");
        Api.Reply created = api.post("/api/networks", networkJson(slug, "Baronnies " + slug, "26", "05"))
                .token(platformAdmin()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    static String operators(String slug) {
        return "/api/networks/" + slug + "/operators";
    }

    static String places(String slug) {
        return "/api/networks/" + slug + "/places";
    }

    static String managerOperators(String slug, String subject) {
        return "/api/networks/" + slug + "/managers/" + subject + "/operators";
    }

    static String operatorJson(String legalName, String siren, String vat, String prefix) {
        return """
                {"legalName": "%s", "siren": "%s",
                 "address": {"line1": "1 place de la République", "postalCode": "04200", "town": "Sisteron"},
                 "vatRegime": %s, "invoicePrefix": "%s"}""".formatted(legalName, siren, vat, prefix);
    }

    static String laSerreJson(String operatorId, String hours) {
        return """
                {"operatorId": "%s", "name": "La Serre", "kinds": ["COWORKING", "FRANCE_SERVICES"],
                 "address": {"line1": "Place du Lac", "postalCode": "05700", "town": "Serres"},
                 "commune": "Serres", "insee": "05166", "latitude": 44.4297, "longitude": 5.7167,
                 "capacity": 12, "services": ["WIFI", "PRINTER", "MEETING_ROOM"], "stepFreeAccess": true,
                 "descriptionFr": "Espace de coworking et France Services de Serres.", "hours": %s}"""
                .formatted(operatorId, hours);
    }

    private List<JsonNode> audit(String slug) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/audit?size=100").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return List.copyOf(reply.json().get("items").values());
    }

    private static List<String> ids(Api.Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").values().stream().map(i -> i.get("id").asString()).toList();
    }

    private static List<String> errors(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString() + ":"
                        + e.get("message").asString())
                .toList();
    }

    private static List<String> fieldsAndCodes(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList();
    }

    private static List<String> messages(Api.Reply reply) {
        return reply.json().path("errors").values().stream().map(e -> e.get("message").asString()).toList();
    }
}
