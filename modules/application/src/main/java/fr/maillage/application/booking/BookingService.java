package fr.maillage.application.booking;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.booking.port.in.BookResourceUseCase;
import fr.maillage.application.booking.port.in.BookingCalendarQuery;
import fr.maillage.application.booking.port.in.BookingCommand;
import fr.maillage.application.booking.port.in.BookingFeedUseCase;
import fr.maillage.application.booking.port.in.BookingWindowCriteria;
import fr.maillage.application.booking.port.in.BookingsQuery;
import fr.maillage.application.booking.port.in.CancelBookingUseCase;
import fr.maillage.application.booking.port.out.BookingFeedPort;
import fr.maillage.application.booking.port.out.BookingFeedPort.FeedNetwork;
import fr.maillage.application.booking.port.out.BookingPort;
import fr.maillage.application.member.MemberProfiles;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.setup.port.out.ResourcePort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.booking.Booking;
import fr.maillage.domain.booking.BookingId;
import fr.maillage.domain.booking.BookingRules;
import fr.maillage.domain.hours.Opening;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Bookings of resources. Who may do what:
 * <ul>
 * <li>a member books for themself ({@link Permission#SELF_SERVICE}; their member profile is the one linked to their
 * login, {@link MemberProfiles#ofCaller}, else {@code member.not-found}), reads and cancels their own bookings (until
 * they start);</li>
 * <li>a manager books for a member ({@link Permission#FRONT_DESK}, {@code memberId}), reads who booked and cancels
 * (until the end) at the places of the operators they run: other places' resources and bookings do not exist for
 * them (404); animators and platform admins everywhere in the network;</li>
 * <li>anyone of the network reads a resource's agenda, without the names of other members' bookings.</li>
 * </ul>
 * The database forbids overlapping bookings of a resource; an overlap is a 409 {@code booking.overlap}.
 */
public final class BookingService implements BookResourceUseCase, CancelBookingUseCase, BookingsQuery,
        BookingFeedUseCase, BookingCalendarQuery {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final AccessPolicy access;
    private final BookingPort bookings;
    private final BookingFeedPort feeds;
    private final ResourcePort resources;
    private final PlacePort places;
    private final OperatorPort operators;
    private final MemberPort members;
    private final MemberProfiles profiles;
    private final UnitOfWorkPort unitOfWork;
    private final AuditLog audit;
    private final Clock clock;

    public BookingService(AccessPolicy access, BookingPort bookings, BookingFeedPort feeds, ResourcePort resources,
            PlacePort places, OperatorPort operators, MemberPort members, MemberProfiles profiles,
            UnitOfWorkPort unitOfWork, AuditLog audit, Clock clock) {
        this.access = access;
        this.bookings = bookings;
        this.feeds = feeds;
        this.resources = resources;
        this.places = places;
        this.operators = operators;
        this.members = members;
        this.profiles = profiles;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ booking

    @Override
    public BookingView book(Caller caller, NetworkSlug network, UUID resourceId, BookingCommand.Raw raw) {
        boolean forAMember = raw.memberId() != null;
        Permission permission = forAMember ? Permission.FRONT_DESK : Permission.SELF_SERVICE;
        return access.inNetwork(caller, network, permission, false, granted -> {
            Network n = granted.writableNetwork();
            ZoneId zone = n.timeZone().zone();
            Instant now = clock.instant();
            // Bookings of one resource queue here (a row lock) rather than deadlock on the exclusion constraint;
            // the resource read below (active or not) stays true until the booking commits.
            bookings.lockResource(resourceId);
            Resource resource = resources.find(resourceId)
                    .orElseThrow(() -> new NotFoundException("resource.not-found"));
            StoredPlace place = places.find(resource.place())
                    .orElseThrow(() -> new NotFoundException("resource.not-found"));
            if (forAMember && !managesPlace(granted, caller, place)) {
                throw new NotFoundException("resource.not-found");
            }
            Member self = forAMember ? null : self(caller);
            BookingCommand c = BookingCommand.parse(raw, zone, now, id -> members.find(id).filter(this::bookable)
                    .isPresent());
            Member member = self != null ? self : members.find(c.member()).orElseThrow();
            if (!place.place().isOpen()) {
                throw new ConflictException("booking.place.not-open", place.place().name());
            }
            if (!resource.active()) {
                throw new ConflictException("booking.resource.inactive", resource.name());
            }
            BookingRules.openingHolding(place.hours(), place.place().name(), c.start(), c.end());
            Booking booking = Booking.confirmed(new BookingId(Ids.newId(clock)), n.id(), resource.id(),
                    resource.place(), member.id(), c.start(), c.end(), caller.subject(), c.note(), now);
            Booking stored;
            try {
                stored = bookings.insert(booking);
            } catch (ConflictException e) {
                if (!"booking.overlap".equals(e.code())) {
                    throw e;
                }
                throw overlap(resource, c.start(), c.end(), zone);
            }
            audit.record(n.id(), caller, "booking.created", stored.id().toString(), Map.of("resource",
                    resource.id().toString(), "member", member.id().toString()));
            return new Views(zone).of(stored, resource, place, member);
        });
    }

    /** {@code booking.overlap}: the resource, the date and the clock times asked for. */
    private static ConflictException overlap(Resource resource, Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        String until = to.toLocalTime().equals(LocalTime.MIDNIGHT) && to.toLocalDate().isAfter(from.toLocalDate())
                ? "24:00" : CLOCK.format(to);
        return new ConflictException("booking.overlap", resource.name(), from.toLocalDate(), CLOCK.format(from),
                until);
    }

    // ------------------------------------------------------------------------------------------------ cancelling

    @Override
    public BookingView cancel(Caller caller, NetworkSlug network, BookingId id, @Nullable String reason) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, false, granted -> {
            Network n = granted.writableNetwork();
            Booking current = bookings.find(id).orElseThrow(() -> new NotFoundException("booking.not-found"));
            StoredPlace place = places.find(current.place()).orElseThrow();
            boolean asManager = granted.can(Permission.FRONT_DESK) && managesPlace(granted, caller, place);
            if (!asManager && !isOwn(granted, caller, current)) {
                throw new NotFoundException("booking.not-found");
            }
            Fields fields = new Fields();
            String why = fields.optional("reason", reason,
                    r -> BoundedText.paragraphs(r, BookingRules.MAX_REASON_LENGTH, "booking.reason.length"));
            fields.throwIfInvalid();
            Booking cancelled = current.cancel(clock.instant(), caller.subject(),
                    why == null || why.isEmpty() ? null : why, asManager);
            if (cancelled == current) {
                return new Views(n.timeZone().zone()).of(current);
            }
            Booking stored = bookings.update(cancelled);
            audit.record(n.id(), caller, "booking.cancelled", id.toString(), Map.of("resource",
                    current.resource().toString(), "member", current.member().toString()));
            return new Views(n.timeZone().zone()).of(stored);
        });
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Override
    public BookingView booking(Caller caller, NetworkSlug network, BookingId id) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> {
            Booking booking = bookings.find(id).orElseThrow(() -> new NotFoundException("booking.not-found"));
            StoredPlace place = places.find(booking.place()).orElseThrow();
            boolean manager = granted.can(Permission.FRONT_DESK) && managesPlace(granted, caller, place);
            if (!manager && !isOwn(granted, caller, booking)) {
                throw new NotFoundException("booking.not-found");
            }
            return new Views(granted.network().timeZone().zone()).of(booking);
        });
    }

    @Override
    public ResourceAgenda agenda(Caller caller, NetworkSlug network, UUID resourceId, @Nullable String from,
            @Nullable String to) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> {
            ZoneId zone = granted.network().timeZone().zone();
            Resource resource = resources.find(resourceId)
                    .orElseThrow(() -> new NotFoundException("resource.not-found"));
            StoredPlace place = places.find(resource.place())
                    .orElseThrow(() -> new NotFoundException("resource.not-found"));
            BookingWindowCriteria window = BookingWindowCriteria.agenda(from, to, zone, clock.instant());
            Instant end = Objects.requireNonNull(window.to());
            boolean seesNames = granted.can(Permission.FRONT_DESK) && managesPlace(granted, caller, place);
            @Nullable MemberId own = granted.can(Permission.SELF_SERVICE)
                    ? profiles.findOfCaller(caller).map(Member::id).orElse(null) : null;
            Views views = new Views(zone);
            List<AgendaEntry> entries = bookings.confirmedOf(resource.id(), window.from(), end).stream()
                    .map(b -> new AgendaEntry(b.start(), b.end(),
                            seesNames || b.member().equals(own) ? views.of(b) : null))
                    .toList();
            List<Opening> openings = place.hours().openingsBetween(window.from(), end);
            return new ResourceAgenda(resource, place.place().name(), zone, window.from(), end, openings, entries);
        });
    }

    @Override
    public Page<BookingView> myBookings(Caller caller, NetworkSlug network, @Nullable String from,
            @Nullable String to, PageRequest page) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, true, granted -> {
            ZoneId zone = granted.network().timeZone().zone();
            Member member = self(caller);
            BookingWindowCriteria window = BookingWindowCriteria.mine(from, to, zone, clock.instant());
            Views views = new Views(zone);
            return bookings.ofMember(member.id(), window.from(), window.to(), page).map(views::of);
        });
    }

    // ------------------------------------------------------------------------------------------------ the feed

    @Override
    public FeedAddress feed(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, false, granted -> {
            Member member = self(caller);
            Optional<Instant> issued = feeds.issuedAt(member.id());
            if (issued.isPresent()) {
                return new FeedAddress(null, issued.get());
            }
            FeedTokens.Issued token = FeedTokens.issue(granted.network().id());
            Instant now = clock.instant();
            if (feeds.insertIfAbsent(member.id(), token.hash(), now)) {
                return new FeedAddress(token.token(), now);
            }
            // Issued meanwhile by a concurrent call: that one shows the address.
            return new FeedAddress(null, feeds.issuedAt(member.id()).orElse(now));
        });
    }

    @Override
    public FeedAddress rotateFeed(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, false, granted -> {
            Member member = self(caller);
            FeedTokens.Issued token = FeedTokens.issue(granted.network().id());
            Instant now = clock.instant();
            feeds.replace(member.id(), token.hash(), now);
            return new FeedAddress(token.token(), now);
        });
    }

    @Override
    public MemberCalendar calendar(String token) {
        FeedTokens.Parsed parsed = FeedTokens.parse(token)
                .orElseThrow(() -> new NotFoundException("calendar.not-found"));
        Optional<MemberCalendar> calendar = unitOfWork.readOnlyInTenant(parsed.network(), () -> {
            Optional<FeedNetwork> network = feeds.network(parsed.network());
            Optional<Member> member = feeds.memberOf(parsed.hash()).flatMap(members::find).filter(this::bookable);
            if (network.isEmpty() || member.isEmpty()) {
                return Optional.<MemberCalendar>empty();
            }
            Views views = new Views(network.get().zone());
            Instant since = clock.instant().minus(Duration.ofDays(DAYS_BACK));
            return Optional.of(new MemberCalendar(network.get().name(), network.get().zone(),
                    bookings.calendarOf(member.get().id(), since, MAX_EVENTS).stream().map(views::of).toList()));
        });
        return calendar.orElseThrow(() -> new NotFoundException("calendar.not-found"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The caller's own member profile in the current network ({@code member.not-found} when none). */
    private Member self(Caller caller) {
        return profiles.ofCaller(caller);
    }

    private boolean bookable(Member member) {
        return !member.isErased();
    }

    private boolean isOwn(NetworkAccess granted, Caller caller, Booking booking) {
        return granted.can(Permission.SELF_SERVICE) && profiles.findOfCaller(caller)
                .map(m -> m.id().equals(booking.member())).orElse(false);
    }

    /** Animators and platform admins manage every place; a manager those of the operators they run. */
    private boolean managesPlace(NetworkAccess granted, Caller caller, StoredPlace place) {
        return OperatorScope.runs(operators, granted, caller, place.place().operator());
    }

    /** Builds views, reading each resource, place and member once. */
    private final class Views {

        private final ZoneId zone;
        private final Map<UUID, Resource> resourceCache = new HashMap<>();
        private final Map<PlaceId, StoredPlace> placeCache = new HashMap<>();
        private final Map<MemberId, Member> memberCache = new HashMap<>();

        Views(ZoneId zone) {
            this.zone = zone;
        }

        BookingView of(Booking b) {
            return of(b, resourceCache.computeIfAbsent(b.resource(), id -> resources.find(id).orElseThrow()),
                    placeCache.computeIfAbsent(b.place(), id -> places.find(id).orElseThrow()),
                    memberCache.computeIfAbsent(b.member(), id -> members.find(id).orElseThrow()));
        }

        BookingView of(Booking b, Resource resource, StoredPlace place, Member member) {
            return new BookingView(b, zone, resource.name(), place.place().name(), place.place().address().oneLine(),
                    member.displayName());
        }
    }
}
