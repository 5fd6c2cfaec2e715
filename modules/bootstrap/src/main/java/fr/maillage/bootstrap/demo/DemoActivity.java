package fr.maillage.bootstrap.demo;

import fr.maillage.application.booking.port.in.BookResourceUseCase;
import fr.maillage.application.booking.port.in.BookingCommand;
import fr.maillage.application.member.port.in.CreateMemberCommand;
import fr.maillage.application.member.port.in.ManageMembersUseCase;
import fr.maillage.application.member.port.in.MembersQuery;
import fr.maillage.application.membership.port.in.ManageMembershipsUseCase;
import fr.maillage.application.membership.port.in.RecordPaymentCommand;
import fr.maillage.application.membership.port.in.SellMembershipCommand;
import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import fr.maillage.application.setup.port.in.ManageResourcesUseCase;
import fr.maillage.application.setup.port.in.ResourceCommand;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.hours.TimeRange;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.membership.Membership;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.Resource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The activity of a demo network set up now, through the use cases: a meeting room (or a machine) in the places that
 * have one, a few member files with memberships paid at the desk (one still waiting for the rest of its payment), and
 * bookings of the meeting rooms on their next opening days. The demo member accounts get a paid card of their network.
 * Past visits are not made up: check-ins happen live, at the desk or from the member's QR code.
 */
@Component
@Profile("demo")
public class DemoActivity {

    private static final Caller SYSTEM = Caller.system("demo-data");

    /** Member files of each demo network (no account: the people a manager records at the desk). */
    private static final List<List<String>> PEOPLE = List.of(
            List.of("Léa", "Martin", "+33 6 12 34 56 01", "Atelier Martin"),
            List.of("Hugo", "Bernard", "+33 6 12 34 56 02", ""),
            List.of("Chloé", "Dubois", "+33 7 12 34 56 03", "Dubois Conseil"),
            List.of("Lucas", "Roux", "", "SCOP Les Ruches"),
            List.of("Inès", "Fabre", "+33 6 12 34 56 05", ""));

    private final ManageResourcesUseCase resources;
    private final ManageMembersUseCase members;
    private final MembersQuery membersQuery;
    private final ManageMembershipsUseCase memberships;
    private final BookResourceUseCase bookings;
    private final Clock clock;

    public DemoActivity(ManageResourcesUseCase resources, ManageMembersUseCase members, MembersQuery membersQuery,
            ManageMembershipsUseCase memberships, BookResourceUseCase bookings, Clock clock) {
        this.resources = resources;
        this.members = members;
        this.membersQuery = membersQuery;
        this.memberships = memberships;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** A bookable resource of a demo place, and the place's hours. */
    record Room(Resource resource, StoredPlace place) {
    }

    /** The resources of a place just created: a meeting room where the place lists one, the fab lab's 3D printer. */
    List<Room> equip(NetworkSlug network, StoredPlace place) {
        List<Room> rooms = new ArrayList<>();
        if (place.place().services().stream().anyMatch(s -> s.name().equals("MEETING_ROOM"))) {
            rooms.add(new Room(resources.createResource(SYSTEM, network, place.place().id(),
                    new ResourceCommand.Raw("MEETING_ROOM", "Salle de réunion", 8, 1_500L, 5_000L, 9_000L, true)),
                    place));
        }
        if (place.place().services().stream().anyMatch(s -> s.name().equals("THREE_D_PRINTER"))) {
            resources.createResource(SYSTEM, network, place.place().id(),
                    new ResourceCommand.Raw("MACHINE", "Imprimante 3D", 1, 500L, null, null, true));
        }
        return rooms;
    }

    /**
     * The member files of a network, each sold one of its offers in turn and paid at the desk (the last one paid by
     * half), and bookings of its meeting rooms for the first two members.
     */
    void populate(NetworkSlug network, String slug, List<OfferView> offers, List<Room> rooms) {
        if (offers.isEmpty()) {
            return;
        }
        List<Member> created = new ArrayList<>();
        for (int i = 0; i < PEOPLE.size(); i++) {
            List<String> person = PEOPLE.get(i);
            String email = ascii(person.get(0) + "." + person.get(1)) + "@" + slug + ".exemple.test";
            created.add(members.createMember(SYSTEM, network, new CreateMemberCommand.Raw(email, person.get(0),
                    person.get(1), blank(person.get(2)), blank(person.get(3)), null, i % 2 == 0, false)));
            OfferView offer = offers.get(i % offers.size());
            boolean half = i == PEOPLE.size() - 1;
            sellAndPay(network, created.getLast(), offer, List.of("CASH", "CHEQUE", "TRANSFER").get(i % 3),
                    half);
        }
        for (int i = 0; i < Math.min(2, rooms.size() * 2); i++) {
            Room room = rooms.get(i % rooms.size());
            book(network, room, created.get(i), i + 1);
        }
    }

    /** The demo member account of a network (invited just before) gets its first offer, paid. */
    void equipAccount(NetworkSlug network, String email, List<OfferView> offers) {
        if (offers.isEmpty()) {
            return;
        }
        Optional<Member> member = membersQuery.members(SYSTEM, network, email, PageRequest.of(0, 1)).items()
                .stream().findFirst();
        member.ifPresent(m -> sellAndPay(network, m, offers.getFirst(), "CHEQUE", false));
    }

    private void sellAndPay(NetworkSlug network, Member member, OfferView offer, String method, boolean half) {
        Membership sold = memberships.sell(SYSTEM, network, member.id().toString(),
                new SellMembershipCommand.Raw(offer.offer().id().toString(), null, false));
        long price = offer.offer().price().cents();
        long amount = half ? price / 2 : price;
        if (amount > 0) {
            memberships.recordPayment(SYSTEM, network, sold.id().toString(), new RecordPaymentCommand.Raw(method,
                    amount, method.equals("TRANSFER") ? "VIR-" + member.familyName().toUpperCase() : null, null,
                    null));
        }
    }

    /** Books the first hour of the room's place on its {@code nth} opening day after today. */
    private void book(NetworkSlug network, Room room, Member member, int nth) {
        LocalDate today = LocalDate.now(clock.withZone(room.place().hours().zone()));
        int found = 0;
        for (LocalDate day = today.plusDays(1); day.isBefore(today.plusDays(30)); day = day.plusDays(1)) {
            List<TimeRange> ranges = room.place().hours().hoursOn(day);
            if (ranges.isEmpty() || ++found < nth) {
                continue;
            }
            TimeRange first = ranges.getFirst();
            if (first.endMinute() - first.startMinute() < 60) {
                continue;
            }
            ZonedDateTime start = day.atTime(LocalTime.ofSecondOfDay(first.startMinute() * 60L))
                    .atZone(room.place().hours().zone());
            bookings.book(SYSTEM, network, room.resource().id(), new BookingCommand.Raw(
                    start.toOffsetDateTime().toString(), start.plusHours(1).toOffsetDateTime().toString(),
                    "Réunion de démonstration", member.id().toString()));
            return;
        }
    }

    private static @Nullable String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
