package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.CheckInWorld.paris;
import static fr.maillage.bootstrap.it.Inspect.code;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.CheckInService;
import fr.maillage.application.visit.port.in.DeskCheckInCommand;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.visit.CheckInTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Check-ins end to end: with the QR code of a place open now, refused outside opening hours with the next opening (a
 * manager overrides with a reason), La Serre's card of 10 × 3 h (a 4-hour visit consumes 2 entries), no valid
 * membership (the offers on sale are named), the usage ledger (a pass réseau sold by A used at B: 5 € an entry),
 * settlements in JSON and CSV, attendance per day and month in network time, the automatic closing at closing time.
 * Visits that must last hours are driven through the service with explicit instants (next Monday).
 */
class CheckInsIT extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    CheckInService service;

    @Autowired
    CheckInTokens tokens;

    VisitFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new VisitFixtures(dataSource);
    }

    @Test
    void a_member_checks_in_with_the_qr_code_of_a_place_open_now_and_checks_out() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "qr");
        UUID card = w.sellLaSerreCard(api, w.memberId());
        String place = w.base() + "/places/" + w.laLocomotive();

        Api.Reply code = api.get(place + "/check-in-code").token(w.manager().token()).send();
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        assertThat(code.header("Cache-Control")).contains("no-store");
        String token = code.json().get("token").asString();
        assertThat(code.json().get("placeName").asString()).isEqualTo("La Locomotive");
        assertThat(code.json().get("url").asString()).endsWith("/check-in?network=" + w.slug() + "&token=" + token);
        assertThat(Instant.parse(code.json().get("expiresAt").asString())).isAfter(Instant.now());
        assertThat(code.json().get("qrCodeSvg").asString()).isEqualTo(place + "/check-in-code.svg");
        Api.Reply svg = api.get(place + "/check-in-code.svg").token(w.manager().token()).send();
        assertThat(svg.status()).as(svg.toString()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg", "<path", "Arrivée à La Locomotive");

        Api.Reply in = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}").token(w.member().token())
                .send();

        assertThat(in.status()).as(in.toString()).isEqualTo(201);
        JsonNode visit = in.json();
        String visitId = visit.get("id").asString();
        assertThat(visit.get("placeName").asString()).isEqualTo("La Locomotive");
        assertThat(visit.get("memberName").asString()).isEqualTo("Camille Martin");
        assertThat(visit.get("source").asString()).isEqualTo("QR");
        assertThat(visit.get("open").asBoolean()).isTrue();
        assertThat(visit.get("entriesConsumed").asInt()).isEqualTo(1);
        assertThat(visit.get("membership").get("offerName").asString()).isEqualTo("Carte 10 entrées");
        assertThat(visit.get("membership").get("kind").asString()).isEqualTo("CARD");
        assertThat(visit.get("membership").get("entriesRemaining").asInt()).isEqualTo(9);

        Api.Reply again = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}")
                .token(w.member().token()).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("visit.already-open");
        assertThat(again.json().get("detail").asString()).contains("La Locomotive");
        Api.Reply atDesk = api.post(w.base() + "/places/" + w.laSerre() + "/check-ins",
                "{\"memberId\":\"" + w.memberId() + "\",\"overrideReason\":\"Réunion\"}").token(w.manager().token())
                .send();
        assertThat(code(atDesk)).as("one open visit per member, wherever").isEqualTo("visit.already-open");

        Api.Reply presence = api.get(place + "/presence").token(w.manager().token()).send();
        assertThat(presence.status()).as(presence.toString()).isEqualTo(200);
        assertThat(presence.json().get("count").asInt()).isEqualTo(1);
        assertThat(presence.json().get("visits").get(0).get("memberName").asString()).isEqualTo("Camille Martin");
        Api.Reply mine = api.get(w.base() + "/me/visits").token(w.member().token()).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("items").values()).extracting(v -> v.get("id").asString()).containsExactly(visitId);

        Api.Reply out = api.post(w.base() + "/me/visit/check-out", null).token(w.member().token()).send();

        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().get("open").asBoolean()).isFalse();
        assertThat(out.json().get("closedBy").asString()).isEqualTo("MEMBER");
        assertThat(out.json().get("entriesConsumed").asInt()).as("a few seconds: the first block only").isEqualTo(1);
        Api.Reply outAgain = api.post(w.base() + "/me/visit/check-out", null).token(w.member().token()).send();
        assertThat(outAgain.status()).isEqualTo(409);
        assertThat(code(outAgain)).isEqualTo("visit.none-open");
        Api.Reply deskOut = api.post(w.base() + "/visits/" + visitId + "/check-out", null).token(w.manager().token())
                .send();
        assertThat(code(deskOut)).isEqualTo("visit.already-closed");
        assertThat(api.get(place + "/presence").token(w.manager().token()).send().json().get("count").asInt())
                .isZero();
        Api.Reply today = api.get(place + "/visits").token(w.manager().token()).send();
        assertThat(today.status()).as(today.toString()).isEqualTo(200);
        assertThat(today.json().get("visits").values()).extracting(v -> v.get("closedBy").asString())
                .containsExactly("MEMBER");

        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(9);
        List<Map<String, Object>> ledger = fixtures.rows(w.slug(), "select * from usage_entry where visit_id = ?",
                UUID.fromString(visitId));
        assertThat(ledger).hasSize(1);
        assertThat(ledger.getFirst()).containsEntry("entries", 1).containsEntry("unit_value_cents", 500L)
                .containsEntry("amount_cents", 500L).containsEntry("seller_operator_id", w.serrois())
                .containsEntry("place_operator_id", w.serrois());
    }

    @Test
    void a_tampered_foreign_or_expired_token_is_refused_and_people_without_a_member_profile_cannot_check_in()
            throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "token");
        w.sellLaSerreCard(api, w.memberId());
        String token = api.get(w.base() + "/places/" + w.laLocomotive() + "/check-in-code").token(w.manager().token())
                .send().json().get("token").asString();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        NetworkId network = new NetworkId(fixtures.networkId(w.slug()));
        String foreign = tokens.issue(new NetworkId(UUID.randomUUID()), new PlaceId(w.laLocomotive()), Instant.now())
                .token();
        String expired = tokens.issue(network, new PlaceId(w.laLocomotive()), Instant.now().minus(Duration.ofMinutes(11)))
                .token();

        for (String bad : List.of(tampered, foreign, "pas-un-jeton", "")) {
            Api.Reply reply = api.post(w.base() + "/check-ins", "{\"token\":\"" + bad + "\"}").token(w.member().token())
                    .send();
            assertThat(reply.status()).as(bad + " " + reply).isEqualTo(400);
            assertThat(code(reply)).isIn("check-in.token.invalid", "input.invalid");
        }
        Api.Reply old = api.post(w.base() + "/check-ins", "{\"token\":\"" + expired + "\"}").token(w.member().token())
                .send();
        assertThat(old.status()).as(old.toString()).isEqualTo(410);
        assertThat(code(old)).isEqualTo("check-in.token.expired");
        assertThat(old.json().get("detail").asString()).contains("expiré", "5 minutes");
        assertThat(old.json().get("expiredAt").asString()).isNotBlank();
        assertThat(api.post(w.base() + "/check-ins", "{}").token(w.member().token()).send().json().get("errors")
                .get(0).get("field").asString()).isEqualTo("token");

        // A platform admin may act as a member, but has no member profile in this network.
        Api.Reply stranger = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}")
                .token(platformAdmin()).send();
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(403);
        assertThat(code(stranger)).isEqualTo("check-in.not-a-member");
        Api.Reply manager = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}")
                .token(w.manager().token()).send();
        assertThat(manager.status()).as("the QR code is for members").isEqualTo(403);
        assertThat(fixtures.count(w.slug(), "select count(*) from visit")).isZero();
    }

    @Test
    void outside_opening_hours_a_member_is_told_the_next_opening_and_a_manager_may_override_with_a_reason()
            throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "hours");
        w.sellLaSerreCard(api, w.memberId());
        String closedPlace = w.base() + "/places/" + w.nyons();
        String token = api.get(closedPlace + "/check-in-code").token(w.manager().token()).send().json().get("token")
                .asString();

        Instant before = Instant.now();
        Api.Reply refused = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}")
                .token(w.member().token()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("check-in.place-closed");
        Instant next = CheckInWorld.nextOpeningOfClosedPlace(before);
        assertThat(refused.json().get("nextOpening").asString()).isEqualTo(next.toString());
        assertThat(refused.json().get("detail").asString()).startsWith("La Fabrique est fermé en ce moment.")
                .contains("Prochaine ouverture", "à 10:00");
        Api.Reply english = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}")
                .token(w.member().token()).lang("en").send();
        assertThat(english.json().get("detail").asString()).contains("Next opening", "at 10:00");
        Api.Reply override = api.post(w.base() + "/check-ins",
                "{\"token\":\"" + token + "\",\"overrideReason\":\"Je suis là\"}").token(w.member().token()).send();
        assertThat(override.status()).as("members cannot override").isEqualTo(400);

        Api.Reply desk = api.post(closedPlace + "/check-ins", "{\"memberId\":\"" + w.memberId() + "\"}")
                .token(w.manager().token()).send();
        assertThat(desk.status()).as(desk.toString()).isEqualTo(409);
        assertThat(code(desk)).isEqualTo("check-in.place-closed.desk");
        assertThat(desk.json().get("detail").asString()).contains("motif");
        Api.Reply blank = api.post(closedPlace + "/check-ins", "{\"memberId\":\"x\",\"overrideReason\":\"a\"}")
                .token(w.manager().token()).send();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").values()).extracting(e -> e.get("field").asString() + ":"
                + e.get("code").asString()).containsExactly("memberId:member.id.format",
                "overrideReason:check-in.override-reason.length");
        assertThat(fixtures.count(w.slug(), "select count(*) from visit")).isZero();

        Api.Reply overridden = api.post(closedPlace + "/check-ins",
                "{\"memberId\":\"" + w.memberId() + "\",\"overrideReason\":\"Atelier du soir du réseau\"}")
                .token(w.manager().token()).send();

        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
        assertThat(overridden.json().get("overrideReason").asString()).isEqualTo("Atelier du soir du réseau");
        assertThat(overridden.json().get("source").asString()).isEqualTo("DESK");
        String visitId = overridden.json().get("id").asString();
        assertThat(fixtures.one(w.slug(), "select override_reason, checked_in_by from visit where id = ?",
                UUID.fromString(visitId))).containsEntry("override_reason", "Atelier du soir du réseau")
                .containsEntry("checked_in_by", w.manager().subject());
        JsonNode audit = api.get(w.base() + "/audit?size=100").token(w.animator().token()).send().json().get("items");
        JsonNode event = audit.values().stream().filter(e -> e.get("action").asString()
                .equals("visit.checked-in-outside-hours")).findFirst().orElseThrow();
        assertThat(event.get("target").asString()).isEqualTo(visitId);
        assertThat(event.get("actor").asString()).isEqualTo(w.manager().subject());
        assertThat(event.get("details").get("placeId").asString()).isEqualTo(w.nyons().toString());
        assertThat(event.get("details").get("memberId").asString()).isEqualTo(w.memberId().toString());

        Api.Reply out = api.post(w.base() + "/visits/" + visitId + "/check-out", null).token(w.manager().token())
                .send();
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().get("closedBy").asString()).isEqualTo("DESK");

        // A place closed for good (or still a project) takes no arrival, even with a reason.
        assertThat(fixtures.execute(w.slug(), "update place set status = 'CLOSED' where id = ?", w.laLocomotive()))
                .isEqualTo(1);
        Api.Reply notOpen = api.post(w.base() + "/places/" + w.laLocomotive() + "/check-ins",
                "{\"memberId\":\"" + w.memberId() + "\",\"overrideReason\":\"Atelier du soir\"}")
                .token(w.manager().token()).send();
        assertThat(notOpen.status()).as(notOpen.toString()).isEqualTo(409);
        assertThat(code(notOpen)).isEqualTo("check-in.place-not-open");
        assertThat(notOpen.json().get("detail").asString()).startsWith("La Locomotive n’est pas ouvert au public");
    }

    @Test
    void la_serre_a_four_hour_visit_on_a_card_of_ten_three_hour_entries_consumes_two() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "serre");
        UUID card = w.sellLaSerreCard(api, w.memberId());
        LocalDate monday = CheckInWorld.nextWorkingMonday();
        DeskCheckInCommand.Raw desk = new DeskCheckInCommand.Raw(w.memberId().toString(), null);

        VisitDetails in = service.checkInAtDeskAt(w.managerCaller(), w.network(), new PlaceId(w.laSerre()), desk,
                paris(monday, 9, 30));
        assertThat(in.visit().entriesConsumed()).isEqualTo(1);
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(9);
        VisitDetails out = service.checkOutAtDeskAt(w.managerCaller(), w.network(), in.visit().id(),
                paris(monday, 13, 30));

        assertThat(out.visit().entriesConsumed()).as("4 hours of 3-hour entries").isEqualTo(2);
        assertThat(out.visit().entriesShort()).isZero();
        assertThat(out.entriesRemaining()).isEqualTo(8);
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(8);
        assertThat(fixtures.rows(w.slug(), "select entries, amount_cents, used_on from usage_entry where visit_id = ?"
                + " order by recorded_at", in.visit().id())).extracting(r -> r.get("entries") + "×"
                + r.get("amount_cents") + "@" + r.get("used_on")).containsExactly("1×500@" + monday,
                "1×500@" + monday);

        VisitDetails exactly = service.checkInAtDeskAt(w.managerCaller(), w.network(), new PlaceId(w.laSerre()), desk,
                paris(monday, 14, 0));
        VisitDetails threeHours = service.checkOutMineAt(w.memberCaller(), w.network(), paris(monday, 17, 0));
        assertThat(threeHours.visit().id()).isEqualTo(exactly.visit().id());
        assertThat(threeHours.visit().closedBy()).hasToString("MEMBER");
        assertThat(threeHours.visit().entriesConsumed()).as("exactly one block").isEqualTo(1);
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(7);
    }

    @Test
    void a_card_short_of_entries_at_check_out_gives_what_it_has_and_the_rest_is_recorded_for_the_manager()
            throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "short");
        UUID card = w.hold(fixtures, w.memberId(), w.laSerreCard(2));
        LocalDate monday = CheckInWorld.nextWorkingMonday();
        DeskCheckInCommand.Raw desk = new DeskCheckInCommand.Raw(w.memberId().toString(), null);

        VisitDetails in = service.checkInAtDeskAt(w.managerCaller(), w.network(), new PlaceId(w.laSerre()), desk,
                paris(monday, 9, 0));
        VisitDetails out = service.checkOutAtDeskAt(w.managerCaller(), w.network(), in.visit().id(),
                paris(monday, 16, 30));

        assertThat(out.visit().entriesConsumed()).as("7 h 30 = 3 blocks; the card had 2").isEqualTo(2);
        assertThat(out.visit().entriesShort()).isEqualTo(1);
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isZero();
        assertThat(fixtures.count(w.slug(), "select coalesce(sum(entries), 0) from usage_entry where visit_id = ?",
                in.visit().id())).isEqualTo(2);
        Api.Reply day = api.get(w.base() + "/places/" + w.laSerre() + "/visits?date=" + monday)
                .token(w.manager().token()).send();
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
        assertThat(day.json().get("visits").get(0).get("entriesShort").asInt()).isEqualTo(1);
        assertThat(day.json().get("visits").get(0).get("presenceMinutes").asLong()).isEqualTo(450);

        Api.Reply usedUp = api.post(w.base() + "/places/" + w.laLocomotive() + "/check-ins",
                "{\"memberId\":\"" + w.memberId() + "\"}").token(w.manager().token()).send();
        assertThat(usedUp.status()).as("a used-up card covers nothing: " + usedUp).isEqualTo(409);
        assertThat(code(usedUp)).isEqualTo("check-in.no-membership");
        assertThat(api.get(w.base() + "/places/" + w.laSerre() + "/visits?date=2026-02-30").token(w.manager().token())
                .send().status()).isEqualTo(400);
    }

    @Test
    void without_a_valid_membership_the_refusal_names_the_offers_on_sale_for_the_place_and_a_subscription_comes_first()
            throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "offers");
        String tuves = w.base() + "/places/" + w.lesTuves() + "/check-ins";
        String body = "{\"memberId\":\"" + w.memberId() + "\"}";

        Api.Reply refused = api.post(tuves, body).token(w.animator().token()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(code(refused)).isEqualTo("check-in.no-membership");
        assertThat(refused.json().get("offers").values()).extracting(o -> o.get("name").asString())
                .containsExactlyInAnyOrder("Pass journée Les Tuves", "Pass réseau 10 entrées");
        assertThat(refused.json().get("detail").asString()).startsWith("Aucune formule valable à Les Tuves le ")
                .contains("Pass journée Les Tuves (12,00\u00a0€)", "Pass réseau 10 entrées (50,00\u00a0€)")
                .doesNotContain("Carte 10 entrées");

        // A card of La Serre (operator A's places) does not cover Les Tuves (operator B).
        UUID card = w.sellLaSerreCard(api, w.memberId());
        assertThat(code(api.post(tuves, body).token(w.animator().token()).send())).isEqualTo("check-in.no-membership");
        // At A's place, a subscription of A comes before the card: nothing is consumed.
        w.hold(fixtures, w.memberId(), VisitFixtures.Holding.subscription(w.card(), w.serrois(), "OPERATOR_PLACES"));
        Api.Reply covered = api.post(w.base() + "/places/" + w.laLocomotive() + "/check-ins", body)
                .token(w.manager().token()).send();
        assertThat(covered.status()).as(covered.toString()).isEqualTo(201);
        assertThat(covered.json().get("membership").get("kind").asString()).isEqualTo("SUBSCRIPTION");
        assertThat(covered.json().get("entriesConsumed").asInt()).isZero();
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(10);
        assertThat(fixtures.count(w.slug(), "select count(*) from usage_entry")).isZero();
        Api.Reply othersPlace = api.post(tuves, body).token(w.manager().token()).send();
        assertThat(othersPlace.status()).as("a manager records arrivals at their operators' places only")
                .isEqualTo(404);
        assertThat(code(othersPlace)).isEqualTo("place.not-found");
    }

    @Test
    void a_pass_reseau_sold_by_one_operator_and_used_at_anothers_place_is_owed_at_five_euros_an_entry()
            throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "ledger");
        UUID pass = w.sellPassReseau(api, w.memberId());
        String token = api.get(w.base() + "/places/" + w.lesTuves() + "/check-in-code").token(w.animator().token())
                .send().json().get("token").asString();

        Api.Reply in = api.post(w.base() + "/check-ins", "{\"token\":\"" + token + "\"}").token(w.member().token())
                .send();

        assertThat(in.status()).as(in.toString()).isEqualTo(201);
        assertThat(in.json().get("membership").get("offerName").asString()).isEqualTo("Pass réseau 10 entrées");
        Map<String, Object> line = fixtures.one(w.slug(), "select * from usage_entry where membership_id = ?", pass);
        assertThat(line).containsEntry("seller_operator_id", w.serrois()).containsEntry("place_operator_id", w.tuves())
                .containsEntry("place_id", w.lesTuves()).containsEntry("entries", 1)
                .containsEntry("unit_value_cents", 500L).containsEntry("amount_cents", 500L);
        LocalDate usedOn = LocalDate.ofInstant(Instant.parse(in.json().get("checkedInAt").asString()), SetupIT.PARIS);
        assertThat(line.get("used_on")).hasToString(usedOn.toString());
        assertThat(line.get("month")).hasToString(usedOn.withDayOfMonth(1).toString());
        String month = YearMonth.from(usedOn).toString();

        Api.Reply json = api.get(w.base() + "/settlements?month=" + month).token(w.animator().token()).send();

        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.json().get("month").asString()).isEqualTo(month);
        assertThat(json.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(json.json().get("items").values()).hasSize(1);
        JsonNode pair = json.json().get("items").get(0);
        assertThat(pair.get("sellerOperatorId").asString()).isEqualTo(w.serrois().toString());
        assertThat(pair.get("sellerOperatorName").asString()).isEqualTo("Communauté de communes du Serrois");
        assertThat(pair.get("placeOperatorId").asString()).isEqualTo(w.tuves().toString());
        assertThat(pair.get("placeOperatorName").asString()).isEqualTo("Association Les Tuves");
        assertThat(pair.get("entries").asLong()).isEqualTo(1);
        assertThat(pair.get("amountCents").asLong()).isEqualTo(500);
        assertThat(pair.get("amountEuros").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(json.json().get("totalCents").asLong()).isEqualTo(500);

        Api.Reply csv = api.get(w.base() + "/settlements.csv?month=" + month).token(w.manager().token()).send();
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("reglements-" + w.slug() + "-" + month + ".csv");
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(bytes, 3)).as("a byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines).containsExactly(
                "Mois;Opérateur vendeur;Identifiant opérateur vendeur;Opérateur du lieu;Identifiant opérateur du lieu;"
                        + "Entrées;Montant (centimes);Montant (€)",
                month + ";Communauté de communes du Serrois;" + w.serrois() + ";Association Les Tuves;" + w.tuves()
                        + ";1;500;5,00");
        assertThat(csv.body()).contains("\r\n");
        Api.Reply negotiated = api.get(w.base() + "/settlements?month=" + month).header("Accept", "text/csv")
                .token(w.animator().token()).send();
        assertThat(negotiated.contentType()).startsWith("text/csv");
        assertThat(negotiated.body()).isEqualTo(csv.body());

        Person unrelated = personIn(w.slug(), NetworkRole.MANAGER);
        Api.Reply none = api.get(w.base() + "/settlements?month=" + month).token(unrelated.token()).send();
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("items").values()).as("a manager sees the pairs of their operators").isEmpty();
        assertThat(api.get(w.base() + "/settlements?month=" + month).token(w.member().token()).send().status())
                .isEqualTo(403);
        Api.Reply badMonth = api.get(w.base() + "/settlements?month=2026-13").token(w.animator().token()).send();
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("errors").get(0).get("code").asString()).isEqualTo("month.format");
    }

    @Test
    void attendance_per_place_and_day_or_month_in_network_time() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "attendance");
        Person other = w.anotherMember(this, "Alex");
        UUID otherId = w.memberIdOf(api, other);
        w.sellPassReseau(api, w.memberId());
        w.sellPassReseau(api, otherId);
        LocalDate monday = CheckInWorld.nextWorkingMonday();
        PlaceId laSerre = new PlaceId(w.laSerre());
        visit(w, w.memberId(), laSerre, paris(monday, 9, 30), paris(monday, 13, 30));
        visit(w, otherId, laSerre, paris(monday, 14, 0), paris(monday, 15, 0));
        visit(w, w.memberId(), laSerre, paris(monday, 15, 0), paris(monday, 16, 0));
        // 00:30 on Tuesday in Paris is still Monday in UTC: the visit counts on Tuesday.
        visit(w, w.memberId(), new PlaceId(w.lesTuves()), paris(monday.plusDays(1), 0, 30),
                paris(monday.plusDays(1), 1, 0));

        Api.Reply days = api.get(w.base() + "/attendance?granularity=DAY&from=" + monday + "&to=" + monday.plusDays(1))
                .token(w.animator().token()).send();

        assertThat(days.status()).as(days.toString()).isEqualTo(200);
        assertThat(days.json().get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(days.json().get("totalVisits").asLong()).isEqualTo(4);
        assertThat(days.json().get("items").values()).extracting(i -> i.get("placeName").asString() + " "
                + i.get("period").asString() + " " + i.get("visits").asLong() + " " + i.get("distinctMembers").asLong()
                + " " + i.get("presenceMinutes").asLong() + " " + i.get("presenceHours").asDouble())
                .containsExactly("La Serre " + monday + " 3 2 360 6.0",
                        "Les Tuves " + monday.plusDays(1) + " 1 1 30 0.5");
        assertThat(days.body()).as("hours with two decimals").contains("\"presenceHours\":6.00");

        Api.Reply months = api.get(w.base() + "/attendance?granularity=MONTH&from=" + monday + "&to="
                + monday.plusDays(1) + "&placeId=" + w.laSerre()).token(w.animator().token()).send();
        assertThat(months.status()).as(months.toString()).isEqualTo(200);
        assertThat(months.json().get("from").asString()).isEqualTo(monday.withDayOfMonth(1).toString());
        assertThat(months.json().get("items").values()).extracting(i -> i.get("period").asString() + " "
                + i.get("visits").asLong() + " " + i.get("distinctMembers").asLong())
                .containsExactly(YearMonth.from(monday) + " 3 2");

        Api.Reply managers = api.get(w.base() + "/attendance?granularity=DAY&from=" + monday + "&to="
                + monday.plusDays(1)).token(w.manager().token()).send();
        assertThat(managers.json().get("items").values()).as("a manager sees their operators' places")
                .extracting(i -> i.get("placeName").asString()).containsExactly("La Serre");
        Api.Reply othersPlace = api.get(w.base() + "/attendance?placeId=" + w.lesTuves()).token(w.manager().token())
                .send();
        assertThat(othersPlace.status()).isEqualTo(404);
        assertThat(code(othersPlace)).isEqualTo("place.not-found");

        Api.Reply bad = api.get(w.base() + "/attendance?granularity=WEEK&from=2026-13-01&to=hier&placeId=x")
                .token(w.animator().token()).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").values()).extracting(e -> e.get("field").asString() + ":"
                + e.get("code").asString()).containsExactly("granularity:attendance.granularity.unknown",
                "from:date.format", "to:date.format", "placeId:place.id.format");
        Api.Reply reversed = api.get(w.base() + "/attendance?from=2026-03-10&to=2026-03-01")
                .token(w.animator().token()).send();
        assertThat(reversed.json().get("errors").get(0).get("code").asString()).isEqualTo("attendance.period.invalid");
        Api.Reply tooLong = api.get(w.base() + "/attendance?granularity=DAY&from=2025-01-01&to=2026-03-01")
                .token(w.animator().token()).send();
        assertThat(tooLong.json().get("errors").get(0).get("code").asString())
                .isEqualTo("attendance.period.too-long.days");
        Api.Reply defaults = api.get(w.base() + "/attendance").token(w.animator().token()).send();
        assertThat(defaults.status()).as(defaults.toString()).isEqualTo(200);
        assertThat(defaults.json().get("granularity").asString()).isEqualTo("DAY");
        assertThat(defaults.json().get("from").asString())
                .isEqualTo(LocalDate.now(SetupIT.PARIS).withDayOfMonth(1).toString());
        assertThat(api.get(w.base() + "/attendance").token(w.member().token()).send().status()).isEqualTo(403);
    }

    @Test
    void open_visits_are_closed_automatically_at_the_places_closing_time() throws Exception {
        CheckInWorld w = CheckInWorld.create(this, fixtures, "autoclose");
        UUID card = w.sellLaSerreCard(api, w.memberId());
        Person other = w.anotherMember(this, "Alex");
        UUID otherId = w.memberIdOf(api, other);
        w.sellLaSerreCard(api, otherId);
        LocalDate monday = CheckInWorld.nextWorkingMonday();
        VisitDetails afternoon = service.checkInAtDeskAt(w.managerCaller(), w.network(), new PlaceId(w.laSerre()),
                new DeskCheckInCommand.Raw(w.memberId().toString(), null), paris(monday, 13, 0));
        VisitDetails evening = service.checkInAtDeskAt(w.managerCaller(), w.network(), new PlaceId(w.laSerre()),
                new DeskCheckInCommand.Raw(otherId.toString(), "Soirée du réseau"), paris(monday, 20, 0));

        assertThat(service.closeDueVisitsOf(w.network(), paris(monday, 16, 59))).isZero();
        assertThat(service.closeDueVisitsOf(w.network(), paris(monday, 17, 30))).isEqualTo(1);

        Map<String, Object> closed = fixtures.one(w.slug(), "select * from visit where id = ?",
                afternoon.visit().id());
        assertThat(closed.get("closed_by")).isEqualTo("AUTO");
        assertThat(((java.sql.Timestamp) closed.get("checked_out_at")).toInstant()).isEqualTo(paris(monday, 17, 0));
        assertThat(closed.get("entries_consumed")).as("13:00 to 17:00: two 3-hour blocks").isEqualTo(2);
        assertThat(fixtures.entriesRemaining(w.slug(), card)).isEqualTo(8);
        assertThat(fixtures.one(w.slug(), "select checked_out_at from visit where id = ?", evening.visit().id())
                .get("checked_out_at")).as("begun after closing, with an override: still open").isNull();

        assertThat(service.closeDueVisitsOf(w.network(), paris(monday.plusDays(1), 0, 5))).isEqualTo(1);
        Map<String, Object> midnight = fixtures.one(w.slug(), "select * from visit where id = ?", evening.visit().id());
        assertThat(((java.sql.Timestamp) midnight.get("checked_out_at")).toInstant())
                .isEqualTo(paris(monday.plusDays(1), 0, 0));
        assertThat(midnight.get("entries_consumed")).as("20:00 to midnight: two blocks").isEqualTo(2);
        assertThat(service.closeDueVisitsOf(w.network(), paris(monday.plusDays(2), 0, 0))).isZero();
        assertThat(service.closeDueVisits(Instant.now())).as("the job over every network runs").isNotNegative();
    }

    private void visit(CheckInWorld w, UUID member, PlaceId place, Instant in, Instant out) {
        Caller animator = CheckInWorld.caller(w.animator(), w.slug());
        VisitDetails visit = service.checkInAtDeskAt(animator, w.network(), place,
                new DeskCheckInCommand.Raw(member.toString(), "Test"), in);
        service.checkOutAtDeskAt(animator, w.network(), visit.visit().id(), out);
    }
}
