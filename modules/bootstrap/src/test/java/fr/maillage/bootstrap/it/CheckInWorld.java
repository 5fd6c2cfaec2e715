package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.SetupIT.LA_SERRE_HOURS;
import static fr.maillage.bootstrap.it.SetupIT.SIREN;
import static fr.maillage.bootstrap.it.SetupIT.laSerreJson;
import static fr.maillage.bootstrap.it.SetupIT.managerOperators;
import static fr.maillage.bootstrap.it.SetupIT.operatorJson;
import static fr.maillage.bootstrap.it.SetupIT.operators;
import static fr.maillage.bootstrap.it.SetupIT.places;

import fr.maillage.application.shared.Caller;
import fr.maillage.bootstrap.it.EndToEndTest.Person;
import fr.maillage.domain.hours.FrenchPublicHolidays;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The Baronnies for check-in tests: a network that allows network passes, its animator, a manager who runs the
 * communauté de communes du Serrois (operator A), a member with a member profile, and Les Tuves (operator B). Places:
 * La Serre (A, its real hours), La Locomotive (A, open round the clock), Les Tuves (B, open round the clock), Nyons
 * (A, closed now: it opens only three days from now, 10:00-11:00). Offers: La Serre's card (A, its places), a pass
 * réseau (A, card valid everywhere), Les Tuves' day pass (B, its places).
 */
record CheckInWorld(String slug, Person animator, Person manager, Person member, UUID memberId, UUID serrois,
        UUID tuves, UUID laSerre, UUID laLocomotive, UUID lesTuves, UUID nyons, UUID card, UUID pass,
        UUID tuvesDayPass) {

    static final String ROUND_THE_CLOCK = """
            {"weekly": {"MONDAY": ["00:00-24:00"], "TUESDAY": ["00:00-24:00"], "WEDNESDAY": ["00:00-24:00"],
             "THURSDAY": ["00:00-24:00"], "FRIDAY": ["00:00-24:00"], "SATURDAY": ["00:00-24:00"],
             "SUNDAY": ["00:00-24:00"]}, "closedOnPublicHolidays": false}""";
    static final String PASS_RESEAU = """
            {"operatorId": "%s", "name": "Pass réseau 10 entrées",
             "terms": {"type": "CARD", "entries": 10, "entryDuration": "PT3H", "validity": "P1Y"},
             "priceCents": 5000, "scope": {"type": "WHOLE_NETWORK"}}""";
    static final String TUVES_DAY_PASS = """
            {"operatorId": "%s", "name": "Pass journée Les Tuves", "terms": {"type": "DAY_PASS"}, "priceCents": 1200,
             "scope": {"type": "OPERATOR_PLACES"}}""";

    static CheckInWorld create(EndToEndTest test, VisitFixtures fixtures, String prefix) throws Exception {
        Api api = test.api;
        String slug = EndToEndTest.uniqueSlug(prefix);
        created(api.post("/api/networks", EndToEndTest.networkJson(slug, "Baronnies " + slug, "26", "05"))
                .token(EndToEndTest.platformAdmin()).send());
        List<Person> people = EndToEndTest.concurrently(List.<Callable<Person>>of(
                () -> test.personIn(slug, NetworkRole.ANIMATOR), () -> test.personIn(slug, NetworkRole.MANAGER),
                () -> test.personIn(slug, NetworkRole.MEMBER)));
        Person animator = people.get(0);
        Person manager = people.get(1);
        Person member = people.get(2);
        ok(api.patch("/api/networks/" + slug, "{\"networkPassesAllowed\": true}").token(animator.token()).send());
        UUID serrois = created(api.post(operators(slug), operatorJson("Communauté de communes du Serrois", SIREN,
                "{\"type\":\"FRANCHISE\"}", "CCSB")).token(animator.token()).send());
        UUID tuves = created(api.post(operators(slug), operatorJson("Association Les Tuves", SIREN,
                "{\"type\":\"FRANCHISE\"}", "TUVES")).token(animator.token()).send());
        ok(api.put(managerOperators(slug, manager.subject()), "{\"operatorIds\":[\"" + serrois + "\"]}")
                .token(animator.token()).send());
        UUID laSerre = place(api, slug, animator, serrois, "La Serre", LA_SERRE_HOURS);
        UUID laLocomotive = place(api, slug, animator, serrois, "La Locomotive", ROUND_THE_CLOCK);
        UUID lesTuves = place(api, slug, animator, tuves, "Les Tuves", ROUND_THE_CLOCK);
        UUID nyons = place(api, slug, animator, serrois, "La Fabrique", closedNowHours());
        UUID card = created(api.post(OffersIT.offers(slug), OffersIT.LA_SERRE_CARD.formatted(serrois))
                .token(animator.token()).send());
        UUID pass = created(api.post(OffersIT.offers(slug), PASS_RESEAU.formatted(serrois)).token(animator.token())
                .send());
        UUID tuvesDayPass = created(api.post(OffersIT.offers(slug), TUVES_DAY_PASS.formatted(tuves))
                .token(animator.token()).send());
        UUID memberId = profile(api, slug, animator, member, "Camille", "Martin");
        return new CheckInWorld(slug, animator, manager, member, memberId, serrois, tuves, laSerre, laLocomotive,
                lesTuves, nyons, card, pass, tuvesDayPass);
    }

    /** Open only on the weekday three days from now (Paris), 10:00-11:00: closed today whatever the time. */
    static String closedNowHours() {
        DayOfWeek day = LocalDate.now(SetupIT.PARIS).plusDays(3).getDayOfWeek();
        return "{\"weekly\": {\"" + day + "\": [\"10:00-11:00\"]}, \"closedOnPublicHolidays\": false}";
    }

    /** When La Fabrique (closed now) next opens, seen from {@code now}. */
    static Instant nextOpeningOfClosedPlace(Instant now) {
        LocalDate date = LocalDate.ofInstant(now, SetupIT.PARIS).plusDays(3);
        return date.atTime(LocalTime.of(10, 0)).atZone(SetupIT.PARIS).toInstant();
    }

    /** The next Monday (Paris) that is no public holiday: La Serre is open from 09:00 to 17:00. */
    static LocalDate nextWorkingMonday() {
        LocalDate monday = LocalDate.now(SetupIT.PARIS).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (FrenchPublicHolidays.on(monday).isPresent() || FrenchPublicHolidays.on(monday.plusDays(1)).isPresent()) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    static Instant paris(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(SetupIT.PARIS).toInstant();
    }

    NetworkSlug network() {
        return NetworkSlug.of(slug);
    }

    static Caller caller(Person person, String slug) {
        return new Caller(person.subject(), false, Set.of(slug), person.email());
    }

    Caller managerCaller() {
        return caller(manager, slug);
    }

    Caller memberCaller() {
        return caller(member, slug);
    }

    String base() {
        return "/api/networks/" + slug;
    }

    /** A membership of {@code member} (the world's member by default). */
    UUID hold(VisitFixtures fixtures, UUID holder, VisitFixtures.Holding holding) {
        return fixtures.hold(slug, holder, holding);
    }

    /**
     * Sells an offer to a member through the memberships API and records its full price in cash: the membership
     * is active from today.
     */
    UUID sell(Api api, UUID holder, UUID offer, long priceCents) {
        UUID membership = created(api.post(base() + "/members/" + holder + "/memberships",
                "{\"offerId\":\"" + offer + "\"}").token(animator.token()).send());
        Api.Reply paid = api.post(base() + "/memberships/" + membership + "/payments",
                "{\"method\":\"CASH\",\"amountCents\":" + priceCents + "}").token(animator.token()).send();
        if (paid.status() != 201 || !paid.json().get("membership").get("status").asString().equals("ACTIVE")) {
            throw new IllegalStateException("payment failed: " + paid);
        }
        return membership;
    }

    /** La Serre's card of 10 entries (A, its places), sold and paid through the API. */
    UUID sellLaSerreCard(Api api, UUID holder) {
        return sell(api, holder, card, 5_000);
    }

    /** A pass réseau of 10 entries (A, every place), sold and paid through the API. */
    UUID sellPassReseau(Api api, UUID holder) {
        return sell(api, holder, pass, 5_000);
    }

    /** La Serre's card (A, its places) with {@code remaining} entries left (written in the database). */
    VisitFixtures.Holding laSerreCard(int remaining) {
        return VisitFixtures.Holding.card(card, serrois, "OPERATOR_PLACES", remaining);
    }

    VisitFixtures.Holding passReseau(int remaining) {
        return new VisitFixtures.Holding(pass, serrois, "CARD", "Pass réseau 10 entrées", 5_000, "WHOLE_NETWORK", 10,
                remaining, 180, LocalDate.now(SetupIT.PARIS).minusDays(1), LocalDate.now(SetupIT.PARIS).plusYears(1),
                List.of());
    }

    /** Another member of the network, invited (which gives them a member profile), named {@code givenName} Durand. */
    Person anotherMember(EndToEndTest test, String givenName) {
        Person person = test.personIn(slug, NetworkRole.MEMBER);
        profile(test.api, slug, animator, person, givenName, "Durand");
        return person;
    }

    /** The id of the person's member profile. */
    UUID memberIdOf(Api api, Person person) {
        return profile(api, slug, animator, person, null, null);
    }

    /** The person's member profile (found by email through the members API), renamed when names are given. */
    static UUID profile(Api api, String slug, Person animator, Person person, @Nullable String givenName,
            @Nullable String familyName) {
        Api.Reply found = api.get("/api/networks/" + slug + "/members?q=" + person.email())
                .token(animator.token()).send();
        if (found.status() != 200 || found.json().get("totalItems").asLong() != 1) {
            throw new IllegalStateException("no member profile for " + person.email() + ": " + found);
        }
        UUID id = UUID.fromString(found.json().get("items").get(0).get("id").asString());
        if (givenName != null) {
            Api.Reply renamed = api.patch("/api/networks/" + slug + "/members/" + id,
                    "{\"givenName\":\"" + givenName + "\",\"familyName\":\"" + familyName + "\"}")
                    .token(animator.token()).send();
            ok(renamed);
        }
        return id;
    }

    static PlaceId placeId(UUID id) {
        return new PlaceId(id);
    }

    private static UUID place(Api api, String slug, Person animator, UUID operator, String name, String hours) {
        return created(api.post(places(slug), laSerreJson(operator.toString(), hours).replace("La Serre", name)
                .replace("\"la-serre\"", "\"" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + "\""))
                .token(animator.token()).send());
    }

    static UUID created(Api.Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("creation failed: " + reply);
        }
        return UUID.fromString(reply.json().get("id").asString());
    }

    private static void ok(Api.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("call failed: " + reply);
        }
    }

}
