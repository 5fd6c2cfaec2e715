package fr.maillage.application.visit;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.setup.OperatorScope;
import fr.maillage.application.member.port.out.MemberErasurePort;
import fr.maillage.application.member.port.out.MemberPort;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.offer.port.out.OfferPort;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.application.visit.port.in.AttendanceCriteria;
import fr.maillage.application.visit.port.in.AttendanceQuery;
import fr.maillage.application.visit.port.in.CheckInCodeQuery;
import fr.maillage.application.visit.port.in.CheckInUseCase;
import fr.maillage.application.visit.port.in.CheckOutUseCase;
import fr.maillage.application.visit.port.in.CloseDueVisitsUseCase;
import fr.maillage.application.visit.port.in.DeskCheckInCommand;
import fr.maillage.application.visit.port.in.PresenceQuery;
import fr.maillage.application.visit.port.in.SettlementsQuery;
import fr.maillage.application.visit.port.out.AttendancePort;
import fr.maillage.application.visit.port.out.AttendancePort.AttendanceLine;
import fr.maillage.application.visit.port.out.HeldMembershipPort;
import fr.maillage.application.visit.port.out.UsageLedgerPort;
import fr.maillage.application.visit.port.out.VisitPort;
import fr.maillage.application.visit.port.out.VisitPort.VisitDetails;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.visit.AutoClose;
import fr.maillage.domain.visit.CheckInTokens;
import fr.maillage.domain.visit.ClosedBy;
import fr.maillage.domain.visit.CoveringRule;
import fr.maillage.domain.visit.EntryBlocks;
import fr.maillage.domain.visit.HeldMembership;
import fr.maillage.domain.visit.NoCoveringMembershipException;
import fr.maillage.domain.visit.PlaceClosedException;
import fr.maillage.domain.visit.UsageEntry;
import fr.maillage.domain.visit.Visit;
import fr.maillage.domain.visit.VisitSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Check-ins and check-outs, presence, attendance and settlements.
 *
 * <p><b>Consumption.</b> A visit under a card consumes one entry at check-in and, at check-out, the further started
 * blocks of the card's entry duration ({@link EntryBlocks}). Each consumption is one conditional statement on the
 * card's row (never below zero, never twice: {@link HeldMembershipPort}) and one line of the usage ledger at the
 * card's unit value. A card used up at check-in is not a candidate any more: another membership covers the visit, or
 * the check-in is refused naming the offers on sale. At check-out, a card with fewer entries left than blocks used
 * gives what it has, and the rest is recorded on the visit as a shortfall ({@code entriesShort}) for the manager.
 *
 * <p><b>Order of writes</b>, the same in every transaction, so that concurrent check-ins and check-outs never
 * deadlock: the visit row first (insert or conditional close), then the membership row, then the ledger.
 *
 * <p>The methods without an instant use the service's clock; those with one ({@code ...At}) serve the scheduler and
 * tests that need a visit of four hours without waiting four hours.
 */
public final class CheckInService implements CheckInUseCase, CheckOutUseCase, CloseDueVisitsUseCase,
        CheckInCodeQuery, PresenceQuery, AttendanceQuery, SettlementsQuery, MemberErasurePort {

    private static final System.Logger LOG = System.getLogger(CheckInService.class.getName());
    /** How often a check-in chooses again after its card was spent by a concurrent transaction. */
    private static final int MAX_CHOICES = 8;
    private static final int OFFERS_NAMED = 20;

    private final AccessPolicy access;
    private final UnitOfWorkPort unitOfWork;
    private final LoadNetworkPort networks;
    private final PlacePort places;
    private final OperatorPort operators;
    private final MemberPort members;
    private final OfferPort offers;
    private final VisitPort visits;
    private final HeldMembershipPort memberships;
    private final UsageLedgerPort ledger;
    private final AttendancePort attendance;
    private final AuditLog audit;
    private final CheckInTokens tokens;
    private final Clock clock;

    public CheckInService(AccessPolicy access, UnitOfWorkPort unitOfWork, LoadNetworkPort networks, PlacePort places,
            OperatorPort operators, MemberPort members, OfferPort offers, VisitPort visits,
            HeldMembershipPort memberships, UsageLedgerPort ledger, AttendancePort attendance, AuditLog audit,
            CheckInTokens tokens, Clock clock) {
        this.access = access;
        this.unitOfWork = unitOfWork;
        this.networks = networks;
        this.places = places;
        this.operators = operators;
        this.members = members;
        this.offers = offers;
        this.visits = visits;
        this.memberships = memberships;
        this.ledger = ledger;
        this.attendance = attendance;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ check-in

    @Override
    public VisitDetails checkInAtDesk(Caller caller, NetworkSlug network, PlaceId place,
            DeskCheckInCommand.Raw command) {
        return checkInAtDeskAt(caller, network, place, command, clock.instant());
    }

    /** {@link #checkInAtDesk} at a given instant. */
    public VisitDetails checkInAtDeskAt(Caller caller, NetworkSlug network, PlaceId placeId,
            DeskCheckInCommand.Raw raw, Instant at) {
        return access.inNetwork(caller, network, Permission.FRONT_DESK, false, granted -> {
            DeskCheckInCommand command = DeskCheckInCommand.parse(raw);
            StoredPlace place = deskPlace(granted, caller, placeId);
            Member member = members.find(command.member())
                    .orElseThrow(() -> new NotFoundException("member.not-found"));
            return checkIn(granted, caller, place, member, VisitSource.DESK, command.overrideReason(), at);
        });
    }

    @Override
    public VisitDetails checkInWithToken(Caller caller, NetworkSlug network, @Nullable String token) {
        return checkInWithTokenAt(caller, network, token, clock.instant());
    }

    /** {@link #checkInWithToken} at a given instant. */
    public VisitDetails checkInWithTokenAt(Caller caller, NetworkSlug network, @Nullable String token, Instant at) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, false, granted -> {
            Fields fields = new Fields();
            String given = fields.required("token", token, t -> t);
            fields.throwIfInvalid();
            PlaceId placeId = tokens.verify(granted.network().id(), given, at);
            StoredPlace place = places.find(placeId)
                    .orElseThrow(() -> new InvalidValueException("check-in.token.invalid"));
            Member member = members.findBySubject(caller.subject())
                    .orElseThrow(() -> new ForbiddenException("check-in.not-a-member"));
            return checkIn(granted, caller, place, member, VisitSource.QR, null, at);
        });
    }

    private VisitDetails checkIn(NetworkAccess granted, Caller caller, StoredPlace stored, Member member,
            VisitSource source, @Nullable String overrideReason, Instant at) {
        Network network = granted.writableNetwork();
        Place place = stored.place();
        ZoneId zone = network.timeZone().zone();
        if (!place.isOpen()) {
            throw new ConflictException("check-in.place-not-open", place.name());
        }
        if (member.isErased()) {
            throw new ConflictException("check-in.member-erased");
        }
        String override = null;
        if (!stored.hours().isOpenAt(at)) {
            if (source != VisitSource.DESK || overrideReason == null) {
                throw new PlaceClosedException(place.name(), stored.hours().nextOpening(at), zone,
                        source == VisitSource.DESK);
            }
            override = overrideReason;
        }
        LocalDate date = LocalDate.ofInstant(at, zone);
        HeldMembership chosen = covering(member, place, date);
        Visit visit = new Visit(Ids.newId(clock), network.id(), place.id(), member.id(), chosen.id(), source, at,
                caller.subject(), null, null, chosen.isCard() ? 1 : 0, 0, override);
        // The unique index of open visits decides (a concurrent arrival of the same member is waited for).
        if (!visits.insertOpen(visit)) {
            throw visits.openVisitOf(member.id()).map(this::alreadyIn)
                    .orElseGet(() -> new ConflictException("visit.already-open.concurrent"));
        }
        Integer remaining = chosen.entriesRemaining();
        for (int choices = 1; chosen.isCard(); choices++) {
            OptionalInt left = memberships.consume(chosen.id(), 1, at);
            if (left.isPresent()) {
                remaining = left.getAsInt();
                break;
            }
            // Spent meanwhile by a concurrent transaction (which this one waited for): choose again.
            if (choices >= MAX_CHOICES) {
                throw new ConflictException("object.changed-meanwhile");
            }
            chosen = covering(member, place, date);
            remaining = chosen.entriesRemaining();
            visits.cover(visit.id(), chosen.id(), chosen.isCard() ? 1 : 0);
        }
        visit = new Visit(visit.id(), visit.network(), visit.place(), visit.member(), chosen.id(), source, at,
                visit.checkedInBy(), null, null, chosen.isCard() ? 1 : 0, 0, override);
        if (chosen.isCard()) {
            ledger.record(ledgerLine(network, visit, chosen, place, 1, date));
        }
        if (override != null) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("placeId", place.id().toString());
            details.put("memberId", member.id().toString());
            audit.record(network.id(), caller, "visit.checked-in-outside-hours", visit.id().toString(), details);
        }
        return new VisitDetails(visit, place.name(), member.displayName(), chosen.offerName(), chosen.kind().name(),
                remaining);
    }

    /** The covering membership ({@link CoveringRule}), or the refusal that names the offers on sale for the place. */
    private HeldMembership covering(Member member, Place place, LocalDate date) {
        return CoveringRule.choose(memberships.activeOf(member.id()), place.id(), place.operator(), date)
                .orElseThrow(() -> {
                    List<Offer> onSale = offers.active(500).stream()
                            .filter(o -> CoveringRule.offerCovers(o, place.id(), place.operator()))
                            .limit(OFFERS_NAMED).toList();
                    return new NoCoveringMembershipException(place.name(), date, onSale);
                });
    }

    private ConflictException alreadyIn(Visit open) {
        String placeName = places.find(open.place()).map(p -> p.place().name()).orElse("?");
        return new ConflictException("visit.already-open", placeName);
    }

    // ------------------------------------------------------------------------------------------------ check-out

    @Override
    public VisitDetails checkOutAtDesk(Caller caller, NetworkSlug network, UUID visit) {
        return checkOutAtDeskAt(caller, network, visit, clock.instant());
    }

    /** {@link #checkOutAtDesk} at a given instant. */
    public VisitDetails checkOutAtDeskAt(Caller caller, NetworkSlug network, UUID visitId, Instant at) {
        return access.inNetwork(caller, network, Permission.FRONT_DESK, false, granted -> {
            VisitDetails visit = visits.details(visitId).orElseThrow(() -> new NotFoundException("visit.not-found"));
            if (!granted.administersNetwork() && places.find(visit.visit().place())
                    .filter(p -> OperatorScope.runs(operators, granted, caller, p.place().operator())).isEmpty()) {
                throw new NotFoundException("visit.not-found");
            }
            return checkOut(granted.network(), visit, ClosedBy.DESK, at)
                    .orElseThrow(() -> new ConflictException("visit.already-closed"));
        });
    }

    @Override
    public VisitDetails checkOutMine(Caller caller, NetworkSlug network) {
        return checkOutMineAt(caller, network, clock.instant());
    }

    /** {@link #checkOutMine} at a given instant. */
    public VisitDetails checkOutMineAt(Caller caller, NetworkSlug network, Instant at) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, false, granted ->
                members.findBySubject(caller.subject()).flatMap(m -> visits.openDetailsOf(m.id()))
                        .flatMap(visit -> checkOut(granted.network(), visit, ClosedBy.MEMBER, at))
                        .orElseThrow(() -> new ConflictException("visit.none-open")));
    }

    /**
     * Closes the visit, if nobody closed it meanwhile (else empty, nothing written), and consumes the further started
     * blocks of its card. Runs in the network's transaction; answers the visit as it now is.
     */
    private Optional<VisitDetails> checkOut(Network network, VisitDetails details, ClosedBy by, Instant requested) {
        Visit visit = details.visit();
        Instant at = requested.isBefore(visit.checkedInAt()) ? visit.checkedInAt() : requested;
        if (!visit.isOpen() || !visits.closeIfOpen(visit.id(), at, by)) {
            return Optional.empty();
        }
        int consumed = 0;
        int shortfall = 0;
        Integer remaining = details.entriesRemaining();
        HeldMembership card = visit.membership() == null ? null
                : memberships.find(visit.membership()).filter(HeldMembership::isCard).orElse(null);
        if (card != null) {
            remaining = card.entriesRemaining();
            int further = EntryBlocks.started(visit.checkedInAt(), at, card.requireEntryDuration())
                    - visit.entriesConsumed();
            if (further > 0) {
                HeldMembershipPort.Consumption consumption = memberships.consumeUpTo(card.id(), further, at);
                consumed = consumption.taken();
                shortfall = further - consumed;
                remaining = consumption.remaining();
                if (consumed > 0) {
                    StoredPlace place = places.find(visit.place()).orElseThrow();
                    LocalDate usedOn = LocalDate.ofInstant(visit.checkedInAt(), network.timeZone().zone());
                    ledger.record(ledgerLine(network, visit, card, place.place(), consumed, usedOn));
                }
                visits.addEntries(visit.id(), consumed, shortfall);
            }
        }
        Visit closed = new Visit(visit.id(), visit.network(), visit.place(), visit.member(), visit.membership(),
                visit.source(), visit.checkedInAt(), visit.checkedInBy(), at, by, visit.entriesConsumed() + consumed,
                visit.entriesShort() + shortfall, visit.overrideReason());
        return Optional.of(new VisitDetails(closed, details.placeName(), details.memberName(), details.offerName(),
                details.membershipKind(), remaining));
    }

    private UsageEntry ledgerLine(Network network, Visit visit, HeldMembership card, Place place, int entries,
            LocalDate usedOn) {
        return new UsageEntry(Ids.newId(clock), network.id(), visit.id(), card.id(), place.id(), card.operator(),
                place.operator(), entries, card.entryValue(), usedOn);
    }

    // ------------------------------------------------------------------------------------------------ erasure

    /** Nothing of the check-ins stands in the way of erasing a member. */
    @Override
    public List<String> refusals(Member member) {
        return List.of();
    }

    /**
     * A member being erased (GDPR) who is in a place is checked out now, as the automatic closing does ({@code AUTO}:
     * the started blocks of a card are consumed, the usage ledger written); the visits themselves are kept.
     */
    @Override
    public Map<String, Integer> erase(Network network, Member member, Instant at, String actor) {
        Optional<VisitDetails> open = visits.openDetailsOf(member.id());
        if (open.isEmpty() || checkOut(network, open.get(), ClosedBy.AUTO, at).isEmpty()) {
            return Map.of();
        }
        return Map.of("visitsClosed", 1);
    }

    // ------------------------------------------------------------------------------------------------ auto-close

    @Override
    public int closeDueVisits(Instant now) {
        int closed = 0;
        for (int page = 0; ; page++) {
            PageRequest request = new PageRequest(page, PageRequest.MAX_SIZE);
            Page<Network> batch = unitOfWork.readOnly(() -> networks.list(new NetworkListCriteria(null, request)));
            for (Network network : batch.items()) {
                try {
                    closed += closeDueIn(network, now);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Closing the due visits of network " + network.slug()
                            + " failed; the next run tries again", e);
                }
            }
            if (batch.items().size() < request.size()) {
                return closed;
            }
        }
    }

    /** {@link #closeDueVisits} for one network only (for tests, which must not close other tests' visits). */
    public int closeDueVisitsOf(NetworkSlug slug, Instant now) {
        Network network = unitOfWork.readOnly(() -> networks.findBySlug(slug))
                .orElseThrow(() -> AccessPolicy.notFound(slug));
        return closeDueIn(network, now);
    }

    private int closeDueIn(Network network, Instant now) {
        Map<UUID, Instant> due = unitOfWork.readOnlyInTenant(network.id(), () -> {
            Map<UUID, Instant> found = new LinkedHashMap<>();
            Map<PlaceId, Optional<StoredPlace>> placesRead = new HashMap<>();
            for (Visit visit : visits.open()) {
                Optional<StoredPlace> place = placesRead.computeIfAbsent(visit.place(), places::find);
                Instant at = place.map(p -> AutoClose.dueAt(p.hours(), visit.checkedInAt())).orElse(now);
                if (!at.isAfter(now)) {
                    found.put(visit.id(), at);
                }
            }
            return found;
        });
        if (due.isEmpty()) {
            return 0;
        }
        return unitOfWork.inTenant(network.id(), () -> {
            int closed = 0;
            for (Map.Entry<UUID, Instant> entry : due.entrySet()) {
                Optional<VisitDetails> visit = visits.details(entry.getKey());
                if (visit.isPresent() && checkOut(network, visit.get(), ClosedBy.AUTO, entry.getValue()).isPresent()) {
                    closed++;
                }
            }
            return closed;
        });
    }

    // ------------------------------------------------------------------------------------------------ queries

    @Override
    public CheckInCode checkInCode(Caller caller, NetworkSlug network, PlaceId placeId) {
        return access.inNetwork(caller, network, Permission.FRONT_DESK, true, granted -> {
            StoredPlace place = deskPlace(granted, caller, placeId);
            CheckInTokens.Issued issued = tokens.issue(granted.network().id(), place.place().id(), clock.instant());
            return new CheckInCode(place.place().id(), place.place().name(), issued.token(), issued.renewAt(),
                    issued.expiresAt());
        });
    }

    @Override
    public Presence presence(Caller caller, NetworkSlug network, PlaceId placeId) {
        return access.inNetwork(caller, network, Permission.FRONT_DESK, true, granted -> {
            StoredPlace place = deskPlace(granted, caller, placeId);
            return new Presence(place.place().id(), place.place().name(), clock.instant(),
                    visits.openAt(place.place().id()));
        });
    }

    @Override
    public DayVisits visitsOfDay(Caller caller, NetworkSlug network, PlaceId placeId, @Nullable String rawDate) {
        return access.inNetwork(caller, network, Permission.FRONT_DESK, true, granted -> {
            ZoneId zone = granted.network().timeZone().zone();
            Fields fields = new Fields();
            LocalDate date = fields.optional("date", rawDate, AttendanceCriteria::date);
            fields.throwIfInvalid();
            LocalDate day = date == null ? LocalDate.ofInstant(clock.instant(), zone) : date;
            StoredPlace place = deskPlace(granted, caller, placeId);
            return new DayVisits(place.place().id(), place.place().name(), day,
                    visits.ofPlaceBetween(place.place().id(), day.atStartOfDay(zone).toInstant(),
                            day.plusDays(1).atStartOfDay(zone).toInstant()));
        });
    }

    @Override
    public Page<VisitDetails> myVisits(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.SELF_SERVICE, true, granted ->
                members.findBySubject(caller.subject()).map(m -> visits.ofMember(m.id(), page))
                        .orElseGet(() -> new Page<>(List.of(), page.page(), page.size(), 0)));
    }

    @Override
    public Attendance attendance(Caller caller, NetworkSlug network, AttendanceCriteria.Raw raw) {
        return access.inNetwork(caller, network, Permission.READ_REPORTS, true, granted -> {
            ZoneId zone = granted.network().timeZone().zone();
            AttendanceCriteria criteria = AttendanceCriteria.parse(raw, LocalDate.ofInstant(clock.instant(), zone));
            Set<OperatorId> scope = OperatorScope.of(operators, granted, caller);
            if (criteria.place() != null) {
                places.find(criteria.place())
                        .filter(p -> scope == null || scope.contains(p.place().operator()))
                        .orElseThrow(() -> new NotFoundException("place.not-found"));
            }
            List<AttendanceLine> lines = scope != null && scope.isEmpty() ? List.of()
                    : attendance.attendance(criteria.granularity(), criteria.from().atStartOfDay(zone).toInstant(),
                            criteria.to().plusDays(1).atStartOfDay(zone).toInstant(), zone, criteria.place(), scope,
                            clock.instant());
            return new Attendance(criteria.granularity(), criteria.from(), criteria.to(), zone, lines);
        });
    }

    @Override
    public Settlements settlements(Caller caller, NetworkSlug network, @Nullable String rawMonth) {
        return access.inNetwork(caller, network, Permission.READ_REPORTS, true, granted -> {
            Fields fields = new Fields();
            YearMonth month = rawMonth == null
                    ? YearMonth.from(LocalDate.ofInstant(clock.instant(), granted.network().timeZone().zone()))
                    : fields.required("month", rawMonth, CheckInService::month);
            fields.throwIfInvalid();
            Set<OperatorId> scope = OperatorScope.of(operators, granted, caller);
            return new Settlements(month, scope != null && scope.isEmpty() ? List.of()
                    : ledger.settlements(month.atDay(1), scope));
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The place, if the caller works at its desk (a manager sees another operator's place as missing). */
    private StoredPlace deskPlace(NetworkAccess granted, Caller caller, PlaceId id) {
        return OperatorScope.place(places, operators, granted, caller, id);
    }

    private static YearMonth month(String raw) {
        try {
            YearMonth month = YearMonth.parse(raw.strip());
            if (month.getYear() < 2000 || month.getYear() > 2999) {
                throw new InvalidValueException("month.format", raw);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("month.format", raw);
        }
    }
}
