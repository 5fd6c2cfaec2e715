package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static fr.maillage.bootstrap.it.SetupIT.SIREN;
import static fr.maillage.bootstrap.it.SetupIT.laSerreJson;
import static fr.maillage.bootstrap.it.SetupIT.managerOperators;
import static fr.maillage.bootstrap.it.SetupIT.operatorJson;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static fr.maillage.bootstrap.it.SetupIT.places;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.domain.network.NetworkRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bookings end to end, at La Serre (open every day 08:00-13:00 and 14:00-19:00 here, closed for an inventory on one
 * day) in a week's time: a member books the meeting room inside the hours; outside them, or on the closed day, the
 * refusal names the hours of that day; overlaps are 409 (the database's exclusion constraint) while adjacent bookings
 * are fine; cancelling frees the slot; members see only their own bookings, managers book for members at their
 * places; the private iCalendar feed and the rotation of its address; other networks get 404; bad input is one 400
 * naming every bad field.
 */
class BookingsIT extends EndToEndTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String ROOM = """
            {"kind": "MEETING_ROOM", "name": "Salle du Lac", "capacity": 8, "pricePerHourCents": 1500}""";

    /** La Serre's network: its people, places and resources, and the day the tests book (a week ahead). */
    record Scene(String slug, Person animator, Person manager, Person camille, Person dominique,
            Profile camilleProfile, Profile dominiqueProfile, String laSerre, String room, String lesTuves,
            String tuvesRoom, LocalDate day) {

        String book(String resource) {
            return "/api/networks/" + slug + "/resources/" + resource + "/bookings";
        }

        String booking(String id) {
            return "/api/networks/" + slug + "/bookings/" + id;
        }

        String mine() {
            return "/api/networks/" + slug + "/me/bookings";
        }

        /** {@code 2026-03-09T09:00}: a time of the network's clock on the day, or {@code days} after it. */
        String at(String time, int days) {
            return day.plusDays(days) + "T" + time;
        }

        String at(String time) {
            return at(time, 0);
        }
    }

    /** A member profile (made by the invitation as MEMBER): its id and the name people read. */
    record Profile(String id, String displayName) {
    }

    /**
     * The member profile of a person (made by their invitation as MEMBER), found through the members API by an
     * animator, who names it (test accounts are all "Test Person").
     */
    static Profile profile(Api api, String slug, Person animator, Person person, String givenName,
            String familyName) {
        Api.Reply found = api.get("/api/networks/" + slug + "/members?q=" + person.email()).token(animator.token())
                .send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("totalItems").asLong()).as(found.toString()).isEqualTo(1);
        String id = found.json().get("items").get(0).get("id").asString();
        Api.Reply named = api.patch("/api/networks/" + slug + "/members/" + id,
                "{\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName + "\"}")
                .token(animator.token()).send();
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        return new Profile(id, givenName + " " + familyName);
    }

    static String hours(LocalDate closed) {
        String day = "[\"08:00-13:00\", \"14:00-19:00\"]";
        return ("""
                {"weekly": {"MONDAY": %1$s, "TUESDAY": %1$s, "WEDNESDAY": %1$s, "THURSDAY": %1$s, "FRIDAY": %1$s,
                  "SATURDAY": %1$s, "SUNDAY": %1$s},
                 "exceptions": [{"type": "CLOSED", "from": "%2$s", "to": "%2$s", "label": "Inventaire"}],
                 "closedOnPublicHolidays": false}""").formatted(day, closed);
    }

    static String booking(String start, String end) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    static String booking(String start, String end, String memberId) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"memberId\":\"" + memberId + "\"}";
    }

    Scene scene() throws Exception {
        return scene(this);
    }

    /** La Serre's scene in a new network, built by any end-to-end test. */
    static Scene scene(EndToEndTest test) throws Exception {
        Api api = test.api;
        String slug = test.newNetwork("bookings");
        List<Person> people = concurrently(List.<Callable<Person>>of(
                () -> test.personIn(slug, NetworkRole.ANIMATOR), () -> test.personIn(slug, NetworkRole.MANAGER),
                () -> test.personIn(slug, NetworkRole.MEMBER), () -> test.personIn(slug, NetworkRole.MEMBER)));
        Person animator = people.get(0);
        LocalDate day = LocalDate.now(PARIS).plusDays(7);
        String ccsb = created(api.post(operators(slug), operatorJson("Communauté de communes du Serrois", SIREN,
                "{\"type\":\"FRANCHISE\"}", "CCSB")).token(animator.token()).send());
        String tuves = created(api.post(operators(slug), operatorJson("Association Les Tuves", SIREN,
                "{\"type\":\"FRANCHISE\"}", "TUVES")).token(animator.token()).send());
        String laSerre = created(api.post(places(slug), laSerreJson(ccsb, hours(day.plusDays(1))))
                .token(animator.token()).send());
        String lesTuves = created(api.post(places(slug), laSerreJson(tuves, hours(day.plusDays(1)))
                .replace("La Serre", "Les Tuves")).token(animator.token()).send());
        assertThat(api.put(managerOperators(slug, people.get(1).subject()), "{\"operatorIds\":[\"" + ccsb + "\"]}")
                .token(animator.token()).send().status()).isEqualTo(200);
        String room = created(api.post(ResourcesIT.resources(slug, laSerre), ROOM).token(animator.token()).send());
        String tuvesRoom = created(api.post(ResourcesIT.resources(slug, lesTuves), ROOM.replace("du Lac", "des Tuves"))
                .token(animator.token()).send());
        return new Scene(slug, animator, people.get(1), people.get(2), people.get(3),
                profile(api, slug, animator, people.get(2), "Camille", "Martin"),
                profile(api, slug, animator, people.get(3), "Dominique", "Roux"), laSerre, room, lesTuves, tuvesRoom,
                day);
    }

    static String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    // ------------------------------------------------------------------------------------------------ booking

    @Test
    void a_member_books_inside_the_hours_adjacent_bookings_fit_and_an_overlap_is_409_in_french_and_english()
            throws Exception {
        Scene s = scene();

        Api.Reply nineToEleven = api.post(s.book(s.room()), """
                {"start": "%s", "end": "%s", "note": "Réunion du collectif ; café, croissants"}"""
                .formatted(s.at("09:00"), s.at("11:00"))).token(s.camille().token()).send();

        assertThat(nineToEleven.status()).as(nineToEleven.toString()).isEqualTo(201);
        JsonNode b = nineToEleven.json();
        String id = b.get("id").asString();
        assertThat(nineToEleven.header("Location")).isEqualTo(s.booking(id));
        assertThat(nineToEleven.header("ETag")).isEqualTo("\"0\"");
        Instant nine = s.day().atTime(9, 0).atZone(PARIS).toInstant();
        assertThat(b.get("start").asString()).isEqualTo(nine.toString());
        assertThat(b.get("end").asString()).isEqualTo(nine.plusSeconds(7200).toString());
        assertThat(b.get("localStart").asString()).startsWith(s.at("09:00") + "+0");
        assertThat(b.get("resourceId").asString()).isEqualTo(s.room());
        assertThat(b.get("resourceName").asString()).isEqualTo("Salle du Lac");
        assertThat(b.get("placeId").asString()).isEqualTo(s.laSerre());
        assertThat(b.get("placeName").asString()).isEqualTo("La Serre");
        assertThat(b.get("memberId").asString()).isEqualTo(s.camilleProfile().id());
        assertThat(b.get("memberName").asString()).isEqualTo(s.camilleProfile().displayName());
        assertThat(b.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(b.get("note").asString()).isEqualTo("Réunion du collectif ; café, croissants");
        assertThat(b.get("bookedBy").asString()).isEqualTo(s.camille().subject());
        assertThat(api.get(s.booking(id)).token(s.camille().token()).send().json().get("id").asString())
                .isEqualTo(id);

        String elevenToOne = s.day().atTime(11, 0).atZone(PARIS).toOffsetDateTime().toString();
        Api.Reply adjacent = api.post(s.book(s.room()), booking(elevenToOne, s.at("13:00")))
                .token(s.dominique().token()).send();
        assertThat(adjacent.status()).as("[11:00, 13:00) touches [09:00, 11:00) without overlapping: " + adjacent)
                .isEqualTo(201);

        Api.Reply overlapFr = api.post(s.book(s.room()), booking(s.at("10:00"), s.at("12:00")))
                .token(s.dominique().token()).send();
        assertThat(overlapFr.status()).as(overlapFr.toString()).isEqualTo(409);
        assertThat(overlapFr.contentType()).startsWith("application/problem+json");
        assertThat(code(overlapFr)).isEqualTo("booking.overlap");
        assertThat(overlapFr.json().get("detail").asString()).isEqualTo("La ressource « Salle du Lac » est déjà "
                + "réservée sur une partie du créneau demandé (le " + frenchDate(s.day()) + " de 10:00 à 12:00) : "
                + "choisissez un autre horaire.");
        Api.Reply overlapEn = api.post(s.book(s.room()), booking(s.at("08:00"), s.at("09:15")))
                .token(s.camille().token()).lang("en").send();
        assertThat(overlapEn.status()).as(overlapEn.toString()).isEqualTo(409);
        assertThat(overlapEn.json().get("detail").asString()).startsWith("The resource \"Salle du Lac\" is already "
                + "booked for part of the requested slot (").contains(", 08:00 to 09:15): choose another time.");
        assertThat(confirmed(s)).as("the room's agenda").containsExactly("09:00-11:00", "11:00-13:00");
    }

    @Test
    void outside_the_hours_or_on_a_closed_day_the_refusal_names_the_hours_of_that_day() throws Exception {
        Scene s = scene();

        Api.Reply lunch = api.post(s.book(s.room()), booking(s.at("12:30"), s.at("14:30")))
                .token(s.camille().token()).send();
        assertThat(lunch.status()).as(lunch.toString()).isEqualTo(409);
        assertThat(code(lunch)).isEqualTo("booking.outside-hours");
        assertThat(lunch.json().get("detail").asString()).isEqualTo("Ce créneau sort des horaires du lieu La Serre. "
                + "Le " + frenchDate(s.day()) + ", il est ouvert : 08:00-13:00, 14:00-19:00. Une réservation tient "
                + "dans une seule de ces plages.");
        Api.Reply evening = api.post(s.book(s.room()), booking(s.at("18:00"), s.at("20:00")))
                .token(s.camille().token()).lang("en").send();
        assertThat(code(evening)).isEqualTo("booking.outside-hours");
        assertThat(evening.json().get("detail").asString()).contains("08:00-13:00, 14:00-19:00");
        Api.Reply closed = api.post(s.book(s.room()), booking(s.at("09:00", 1), s.at("10:00", 1)))
                .token(s.camille().token()).send();
        assertThat(closed.status()).as(closed.toString()).isEqualTo(409);
        assertThat(code(closed)).isEqualTo("booking.place.closed-labelled");
        assertThat(closed.json().get("detail").asString()).isEqualTo("Le lieu La Serre est fermé le "
                + frenchDate(s.day().plusDays(1)) + " (Inventaire) : choisissez un autre jour.");

        Api.Reply inactive = api.put(ResourcesIT.resources(s.slug(), s.laSerre()) + "/" + s.room(),
                ROOM.replace("8,", "8, \"active\": false,")).token(s.animator().token()).send();
        assertThat(inactive.status()).as(inactive.toString()).isEqualTo(200);
        Api.Reply notBookable = api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00")))
                .token(s.camille().token()).send();
        assertThat(notBookable.status()).isEqualTo(409);
        assertThat(code(notBookable)).isEqualTo("booking.resource.inactive");
        assertThat(confirmed(s)).isEmpty();
    }

    @Test
    void cancelling_frees_the_slot_only_the_member_or_a_manager_of_the_place_may_cancel() throws Exception {
        Scene s = scene();
        String id = created(api.post(s.book(s.room()), booking(s.at("09:00"), s.at("11:00")))
                .token(s.camille().token()).send());

        Api.Reply byAnother = api.post(s.booking(id) + "/cancel", null).token(s.dominique().token()).send();
        assertThat(byAnother.status()).as("another member's booking does not exist for them").isEqualTo(404);
        assertThat(code(byAnother)).isEqualTo("booking.not-found");
        Api.Reply cancelled = api.post(s.booking(id) + "/cancel", "{\"reason\": \"Réunion reportée\"}")
                .token(s.camille().token()).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelledBy").asString()).isEqualTo(s.camille().subject());
        assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("Réunion reportée");
        assertThat(cancelled.json().get("version").asLong()).isEqualTo(1);
        Api.Reply again = api.post(s.booking(id) + "/cancel", null).token(s.camille().token()).send();
        assertThat(again.status()).as("cancelling twice changes nothing").isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);

        String taken = created(api.post(s.book(s.room()), booking(s.at("09:00"), s.at("11:00")))
                .token(s.dominique().token()).send());
        assertThat(confirmed(s)).containsExactly("09:00-11:00");
        Api.Reply byManager = api.post(s.booking(taken) + "/cancel", "{\"reason\": \"Salle indisponible\"}")
                .token(s.manager().token()).send();
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
        assertThat(byManager.json().get("cancelledBy").asString()).isEqualTo(s.manager().subject());
        assertThat(confirmed(s)).isEmpty();

        String atTuves = created(api.post(s.book(s.tuvesRoom()), booking(s.at("09:00"), s.at("11:00")))
                .token(s.camille().token()).send());
        Api.Reply notTheirs = api.post(s.booking(atTuves) + "/cancel", null).token(s.manager().token()).send();
        assertThat(notTheirs.status()).as("a booking at another operator's place, for a manager").isEqualTo(404);
        assertThat(code(notTheirs)).isEqualTo("booking.not-found");
        assertThat(api.post(s.booking(atTuves) + "/cancel", null).token(s.animator().token()).send().status())
                .isEqualTo(200);
        assertThat(audit(s).subList(0, 2)).containsExactly("booking.cancelled", "booking.created");
    }

    @Test
    void a_member_sees_their_own_bookings_and_only_busy_ranges_of_the_others_managers_see_names() throws Exception {
        Scene s = scene();
        String camilles = created(api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00")))
                .token(s.camille().token()).send());
        String dominiques = created(api.post(s.book(s.room()), booking(s.at("10:00"), s.at("11:00")))
                .token(s.dominique().token()).send());
        created(api.post(s.book(s.tuvesRoom()), booking(s.at("15:00", 2), s.at("16:00", 2)))
                .token(s.camille().token()).send());

        Api.Reply mine = api.get(s.mine()).token(s.camille().token()).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("items").values()).extracting(i -> i.get("resourceName").asString())
                .containsExactly("Salle du Lac", "Salle des Tuves");
        assertThat(mine.json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(mine.body()).doesNotContain(dominiques).doesNotContain(s.dominiqueProfile().displayName());
        Api.Reply window = api.get(s.mine() + "?from=" + s.day().plusDays(1) + "&to=" + s.day().plusDays(3))
                .token(s.camille().token()).send();
        assertThat(window.json().get("items").values()).extracting(i -> i.get("resourceName").asString())
                .containsExactly("Salle des Tuves");
        Api.Reply theirs = api.get(s.booking(dominiques)).token(s.camille().token()).send();
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(code(theirs)).isEqualTo("booking.not-found");

        String agenda = s.book(s.room()) + "?from=" + s.day() + "&to=" + s.day().plusDays(1);
        Api.Reply asMember = api.get(agenda).token(s.camille().token()).send();
        assertThat(asMember.status()).as(asMember.toString()).isEqualTo(200);
        List<JsonNode> entries = List.copyOf(asMember.json().get("bookings").values());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("booking").get("id").asString()).isEqualTo(camilles);
        assertThat(entries.get(1).get("booking").isNull()).as("someone else's booking: a busy range").isTrue();
        assertThat(entries.get(1).get("localStart").asString()).startsWith(s.at("10:00"));
        assertThat(asMember.body()).doesNotContain(dominiques).doesNotContain(s.dominiqueProfile().displayName());
        assertThat(asMember.json().get("openings").values()).extracting(o -> o.get("localStart").asString()
                .substring(11, 16) + "-" + o.get("localEnd").asString().substring(11, 16))
                .containsExactly("08:00-13:00", "14:00-19:00");
        assertThat(asMember.json().get("timeZone").asString()).isEqualTo("Europe/Paris");

        Api.Reply asManager = api.get(agenda).token(s.manager().token()).send();
        assertThat(asManager.json().get("bookings").values()).extracting(e -> e.get("booking").get("memberName")
                .asString()).containsExactly(s.camilleProfile().displayName(), s.dominiqueProfile().displayName());
        assertThat(api.get(s.booking(dominiques)).token(s.manager().token()).send().status()).isEqualTo(200);
        Api.Reply otherManagersPlace = api.get(s.book(s.tuvesRoom()) + "?from=" + s.day()).token(s.manager().token())
                .send();
        assertThat(otherManagersPlace.json().get("bookings").values()).allSatisfy(e ->
                assertThat(e.get("booking").isNull()).as("names only at their own places").isTrue());

        Api.Reply managerHasNoOwn = api.get(s.mine()).token(s.manager().token()).send();
        assertThat(managerHasNoOwn.status()).as("managers do not book for themselves").isEqualTo(403);
    }

    @Test
    void a_manager_books_for_a_member_at_the_places_of_their_operators_only() throws Exception {
        Scene s = scene();

        Api.Reply forCamille = api.post(s.book(s.room()), booking(s.at("14:00"), s.at("16:00"),
                s.camilleProfile().id())).token(s.manager().token()).send();

        assertThat(forCamille.status()).as(forCamille.toString()).isEqualTo(201);
        assertThat(forCamille.json().get("memberId").asString()).isEqualTo(s.camilleProfile().id());
        assertThat(forCamille.json().get("bookedBy").asString()).isEqualTo(s.manager().subject());
        assertThat(api.get(s.mine()).token(s.camille().token()).send().json().get("items").get(0).get("id")
                .asString()).isEqualTo(forCamille.json().get("id").asString());

        Api.Reply atTuves = api.post(s.book(s.tuvesRoom()), booking(s.at("14:00"), s.at("16:00"),
                s.camilleProfile().id())).token(s.manager().token()).send();
        assertThat(atTuves.status()).as("another operator's resource, for a manager").isEqualTo(404);
        assertThat(code(atTuves)).isEqualTo("resource.not-found");
        assertThat(api.post(s.book(s.tuvesRoom()), booking(s.at("14:00"), s.at("16:00"), s.camilleProfile().id()))
                .token(s.animator().token()).send().status()).as("animators book anywhere").isEqualTo(201);
        Api.Reply memberForAnother = api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00"),
                s.dominiqueProfile().id())).token(s.camille().token()).send();
        assertThat(memberForAnother.status()).as("members book only for themselves").isEqualTo(403);
        Api.Reply managerForThemself = api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00")))
                .token(s.manager().token()).send();
        assertThat(managerForThemself.status()).isEqualTo(403);
        Api.Reply unknown = api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00"),
                "0196a8f4-0000-7000-8000-000000000000")).token(s.manager().token()).send();
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(unknown)).containsExactly("memberId:member.not-found");
        assertThat(confirmed(s)).containsExactly("14:00-16:00");
        Api.Reply without = api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00"))).token(platformAdmin())
                .send();
        assertThat(without.status()).as("a platform admin who never joined has no member profile").isEqualTo(404);
        assertThat(code(without)).isEqualTo("member.not-found");
    }

    // ------------------------------------------------------------------------------------------------ the feed

    @Test
    void the_private_calendar_feed_holds_the_members_bookings_only_and_rotating_revokes_its_address()
            throws Exception {
        Scene s = scene();
        String first = created(api.post(s.book(s.room()), """
                {"start": "%s", "end": "%s", "note": "Atelier ; réparation, vélo\\nApporter des rustines"}"""
                .formatted(s.at("09:00"), s.at("10:30"))).token(s.camille().token()).send());
        String second = created(api.post(s.book(s.tuvesRoom()), booking(s.at("14:00", 2), s.at("15:00", 2)))
                .token(s.camille().token()).send());
        String dominiques = created(api.post(s.book(s.room()), booking(s.at("11:00"), s.at("12:00")))
                .token(s.dominique().token()).send());
        assertThat(api.post(s.booking(second) + "/cancel", null).token(s.camille().token()).send().status())
                .isEqualTo(200);

        Api.Reply issued = api.get(s.mine() + "/feed").token(s.camille().token()).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().get("issuedNow").asBoolean()).isTrue();
        String url = issued.json().get("url").asString();
        assertThat(url).matches("http://localhost:\\d+/api/public/calendars/bookings/[A-Za-z0-9_-]{64}\\.ics");
        String path = URI.create(url).getPath();

        Api.Reply feed = api.get(path).send();

        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).isEqualTo("text/calendar;charset=UTF-8");
        String ics = feed.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Maillage//Réservations//FR\r\n")
                .endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .as(line).isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.lines().filter("BEGIN:VEVENT"::equals).count()).isEqualTo(2);
        assertThat(unfolded).contains("UID:" + first + "@booking.maillage", "UID:" + second + "@booking.maillage")
                .doesNotContain(dominiques)
                .contains("DTSTART:" + utc(s.day().atTime(9, 0)), "DTEND:" + utc(s.day().atTime(10, 30)))
                .contains("SUMMARY:Salle du Lac – La Serre", "STATUS:CONFIRMED", "STATUS:CANCELLED", "SEQUENCE:1")
                .contains("DESCRIPTION:Atelier \\; réparation\\, vélo\\nApporter des rustines")
                .contains("X-WR-TIMEZONE:Europe/Paris", "DTSTAMP:");
        String etag = feed.header("ETag");
        assertThat(api.get(path).header("If-None-Match", etag).send().status()).isEqualTo(304);
        assertThat(feed.header("Cache-Control")).contains("private");

        Api.Reply later = api.get(s.mine() + "/feed").token(s.camille().token()).send();
        assertThat(later.json().get("url").isNull()).as("only a hash of the token is kept").isTrue();
        assertThat(later.json().get("issuedNow").asBoolean()).isFalse();
        assertThat(later.json().get("issuedAt").asString()).isEqualTo(issued.json().get("issuedAt").asString());

        Api.Reply rotated = api.post(s.mine() + "/feed/rotate", null).token(s.camille().token()).send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newPath = URI.create(rotated.json().get("url").asString()).getPath();
        assertThat(newPath).isNotEqualTo(path);
        Api.Reply old = api.get(path).send();
        assertThat(old.status()).as("the old address stops working").isEqualTo(404);
        assertThat(code(old)).isEqualTo("calendar.not-found");
        assertThat(api.get(newPath).send().body()).contains("UID:" + first + "@booking.maillage");

        String dominiquesFeed = URI.create(api.get(s.mine() + "/feed").token(s.dominique().token()).send().json()
                .get("url").asString()).getPath();
        assertThat(api.get(dominiquesFeed).send().body().replace("\r\n ", "")).contains(dominiques)
                .doesNotContain(first);
        String token = newPath.substring(newPath.lastIndexOf('/') + 1, newPath.length() - 4);
        for (String forged : List.of("unknown", token.substring(0, 63) + (token.endsWith("A") ? "B" : "A"),
                token.substring(0, 22) + "A".repeat(42), token + "A")) {
            Api.Reply reply = api.get("/api/public/calendars/bookings/" + forged + ".ics").send();
            assertThat(reply.status()).as(forged).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("calendar.not-found");
        }
        assertThat(api.get(s.mine() + "/feed").token(s.manager().token()).send().status()).isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void people_of_another_network_get_404_and_change_nothing() throws Exception {
        Scene s = scene();
        String elsewhere = newNetwork("bookings-elsewhere");
        Person intruder = personIn(elsewhere, NetworkRole.ANIMATOR);
        Person otherMember = personIn(elsewhere, NetworkRole.MEMBER); // with a member profile there
        String id = created(api.post(s.book(s.room()), booking(s.at("09:00"), s.at("10:00")))
                .token(s.camille().token()).send());

        for (Person person : List.of(intruder, otherMember)) {
            for (Api.Call call : List.of(api.post(s.book(s.room()), booking(s.at("11:00"), s.at("12:00"))),
                    api.post(s.book(s.room()), booking(s.at("11:00"), s.at("12:00"), s.camilleProfile().id())),
                    api.get(s.book(s.room())), api.get(s.booking(id)), api.post(s.booking(id) + "/cancel", null),
                    api.get(s.mine()), api.get(s.mine() + "/feed"), api.post(s.mine() + "/feed/rotate", null))) {
                Api.Reply reply = call.token(person.token()).send();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
                assertThat(code(reply)).isEqualTo("network.not-found");
            }
        }
        String throughOwn = "/api/networks/" + elsewhere + "/resources/" + s.room() + "/bookings";
        Api.Reply viaOwnPath = api.post(throughOwn, booking(s.at("11:00"), s.at("12:00"))).token(otherMember.token())
                .send();
        assertThat(viaOwnPath.status()).isEqualTo(404);
        assertThat(code(viaOwnPath)).isEqualTo("resource.not-found");
        Api.Reply cancelViaOwn = api.post("/api/networks/" + elsewhere + "/bookings/" + id + "/cancel", null)
                .token(intruder.token()).send();
        assertThat(code(cancelViaOwn)).isEqualTo("booking.not-found");
        assertThat(confirmed(s)).containsExactly("09:00-10:00");
        assertThat(api.get(s.booking(id)).token(s.camille().token()).send().json().get("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void bad_input_is_one_400_naming_every_bad_field_in_french_or_in_english() throws Exception {
        Scene s = scene();
        String all = """
                {"start": "demain 9h", "end": "%s", "note": "%s", "memberId": "quelqu’un"}"""
                .formatted(s.at("10:07"), "x".repeat(501));

        Api.Reply fr = api.post(s.book(s.room()), all).token(s.manager().token()).send();

        assertThat(fr.status()).as(fr.toString()).isEqualTo(400);
        assertThat(fr.header("Content-Language")).isEqualTo("fr");
        assertThat(errors(fr)).containsExactly(
                "start:booking.time.malformed:Date et heure illisibles : « demain 9h » (exemples : 2026-03-02T09:00, "
                        + "2026-03-02T09:00:00+01:00).",
                "end:booking.time.step:Une réservation commence et finit sur un quart d’heure (:00, :15, :30 ou "
                        + ":45), par tranches de 15 minutes.",
                "note:booking.note.length:La note compte au plus 500 caractères.",
                "memberId:member.id.format:Identifiant de membre illisible.");
        Api.Reply en = api.post(s.book(s.room()), all).token(s.manager().token()).lang("en").send();
        assertThat(fieldsAndCodes(en)).containsExactly("start:booking.time.malformed", "end:booking.time.step",
                "note:booking.note.length", "memberId:member.id.format");
        assertThat(en.json().path("errors").values()).allSatisfy(e -> assertThat(e.get("message").asString())
                .doesNotContain("é", " d’", " l’", " n’", " qu’"));

        assertThat(fieldsAndCodes(api.post(s.book(s.room()), "{}").token(s.camille().token()).send()))
                .containsExactly("start:field.required", "end:field.required");
        assertThat(fieldsAndCodes(api.post(s.book(s.room()), booking(s.at("11:00"), s.at("10:00")))
                .token(s.camille().token()).send())).containsExactly("end:booking.end.not-after-start");
        assertThat(fieldsAndCodes(api.post(s.book(s.room()), booking(s.at("08:00"), s.at("20:15")))
                .token(s.camille().token()).send())).containsExactly("end:booking.too-long");
        LocalDate past = LocalDate.now(PARIS).minusDays(1);
        assertThat(fieldsAndCodes(api.post(s.book(s.room()), booking(past + "T09:00", past + "T10:00"))
                .token(s.camille().token()).send())).containsExactly("start:booking.start.past");
        Api.Reply far = api.post(s.book(s.room()), booking(s.at("09:00", 400), s.at("10:00", 400)))
                .token(s.camille().token()).send();
        assertThat(fieldsAndCodes(far)).containsExactly("start:booking.start.too-far");
        assertThat(errors(far).getFirst()).contains("avant le ");
        assertThat(fieldsAndCodes(api.post(s.book(s.room()), "{\"start\": 9, \"end\": []}")
                .token(s.camille().token()).send())).hasSize(1);
        assertThat(fieldsAndCodes(api.post(s.book(s.room()), "{\"start\": \"x\", \"surprise\": 1}")
                .token(s.camille().token()).send())).containsExactly("surprise:field.unknown");
        assertThat(fieldsAndCodes(api.get(s.book(s.room()) + "?from=hier&to=" + s.day())
                .token(s.camille().token()).send())).containsExactly("from:booking.time.malformed");
        assertThat(fieldsAndCodes(api.get(s.book(s.room()) + "?from=" + s.day() + "&to=" + s.day().minusDays(1))
                .token(s.camille().token()).send())).containsExactly("to:booking.window.invalid");
        assertThat(fieldsAndCodes(api.get(s.book(s.room()) + "?from=" + s.day() + "&to=" + s.day().plusDays(90))
                .token(s.camille().token()).send())).containsExactly("to:booking.window.too-long");
        assertThat(fieldsAndCodes(api.get(s.mine() + "?size=0").token(s.camille().token()).send()))
                .containsExactly("size:page.size.invalid");
        Api.Reply reason = api.post(s.booking(created(api.post(s.book(s.room()), booking(s.at("09:00"),
                s.at("10:00"))).token(s.camille().token()).send())) + "/cancel",
                "{\"reason\": \"" + "x".repeat(501) + "\"}").token(s.camille().token()).send();
        assertThat(fieldsAndCodes(reason)).containsExactly("reason:booking.reason.length");
        assertThat(api.get(s.book("pas-un-uuid")).token(s.camille().token()).send().status()).isEqualTo(404);
        assertThat(code(api.get(s.booking("pas-un-uuid")).token(s.camille().token()).send()))
                .isEqualTo("booking.not-found");
        assertThat(confirmed(s)).as("nothing half-written").containsExactly("09:00-10:00");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The confirmed bookings of the room on the day, as an animator reads its agenda: "09:00-11:00". */
    private List<String> confirmed(Scene s) {
        Api.Reply agenda = api.get(s.book(s.room()) + "?from=" + s.day() + "&to=" + s.day().plusDays(1))
                .token(s.animator().token()).send();
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        return agenda.json().get("bookings").values().stream().map(e -> e.get("localStart").asString()
                .substring(11, 16) + "-" + e.get("localEnd").asString().substring(11, 16)).toList();
    }

    private List<String> audit(Scene s) {
        return api.get("/api/networks/" + s.slug() + "/audit?size=100").token(s.animator().token()).send().json()
                .get("items").values().stream().map(e -> e.get("action").asString()).toList();
    }

    static String frenchDate(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL)
                .withLocale(java.util.Locale.FRENCH).format(date);
    }

    static String utc(java.time.LocalDateTime local) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(local.atZone(PARIS).toInstant());
    }

    static List<String> errors(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString() + ":"
                        + e.get("message").asString())
                .toList();
    }

    static List<String> fieldsAndCodes(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString())
                .collect(Collectors.toList());
    }
}
