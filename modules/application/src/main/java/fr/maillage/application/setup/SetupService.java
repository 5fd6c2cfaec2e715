package fr.maillage.application.setup;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.access.port.out.NetworkRolePort;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.setup.port.in.ManageOperatorsUseCase;
import fr.maillage.application.setup.port.in.ManagePlacesUseCase;
import fr.maillage.application.setup.port.in.OpeningHoursCommand;
import fr.maillage.application.setup.port.in.OperatorCommand;
import fr.maillage.application.setup.port.in.OperatorsQuery;
import fr.maillage.application.setup.port.in.PlaceCommand;
import fr.maillage.application.setup.port.in.PlacesQuery;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.WeeklySchedule;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.Ids;
import fr.maillage.domain.shared.Slug;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The set-up of a network: its operators and places, and which operators each manager runs. */
public final class SetupService implements ManageOperatorsUseCase, OperatorsQuery, ManagePlacesUseCase, PlacesQuery {

    private final AccessPolicy access;
    private final OperatorPort operators;
    private final PlacePort places;
    private final NetworkRolePort roles;
    private final AuditLog audit;
    private final Clock clock;

    public SetupService(AccessPolicy access, OperatorPort operators, PlacePort places, NetworkRolePort roles,
            AuditLog audit, Clock clock) {
        this.access = access;
        this.operators = operators;
        this.places = places;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Operator createOperator(Caller caller, NetworkSlug network, OperatorCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.MANAGE_OPERATORS, false, granted -> {
            Network n = granted.writableNetwork();
            OperatorCommand c = OperatorCommand.parse(raw);
            Operator operator = operators.insert(new Operator(new OperatorId(Ids.newId(clock)), n.id(), c.legalName(),
                    c.siren(), c.address(), c.vatRegime(), c.invoicePrefix(), clock.instant(), clock.instant(), 0));
            audit.record(n.id(), caller, "operator.created", operator.id().toString(), Map.of());
            return operator;
        });
    }

    @Override
    public Operator updateOperator(Caller caller, NetworkSlug network, OperatorId id, OperatorCommand.Raw raw,
            @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.MANAGE_OPERATORS, false, granted -> {
            Network n = granted.writableNetwork();
            Operator current = operators.find(id).orElseThrow(() -> new NotFoundException("operator.not-found"));
            checkVersion(expectedVersion, current.version());
            OperatorCommand c = OperatorCommand.parse(raw);
            Operator saved = operators.update(current.with(c.legalName(), c.siren(), c.address(), c.vatRegime(),
                    c.invoicePrefix(), clock.instant()));
            audit.record(n.id(), caller, "operator.updated", id.toString(), Map.of());
            return saved;
        });
    }

    @Override
    public Set<OperatorId> setManagerOperators(Caller caller, NetworkSlug network, String subject,
            @Nullable List<@Nullable String> operatorIds) {
        return access.inNetwork(caller, network, Permission.MANAGE_OPERATORS, false, granted -> {
            Network n = granted.writableNetwork();
            Fields fields = new Fields();
            List<OperatorId> ids = fields.eachOf("operatorIds", operatorIds == null ? List.of() : operatorIds,
                    PlaceCommand::operatorId);
            fields.throwIfInvalid();
            Set<OperatorId> chosen = new LinkedHashSet<>(Objects.requireNonNull(ids));
            if (!roles.rolesOf(n.id(), subject).contains(NetworkRole.MANAGER)) {
                throw new NotFoundException("person.role.not-found", NetworkRole.MANAGER.name());
            }
            for (OperatorId id : chosen) {
                if (operators.find(id).isEmpty()) {
                    throw new InvalidInputException(List.of(new FieldViolation("operatorIds", "operator.not-found",
                            List.of())));
                }
            }
            operators.setOperatorsOfManager(subject, chosen);
            audit.record(n.id(), caller, "manager.operators.set", subject,
                    Map.of("operators", String.join(",", chosen.stream().map(OperatorId::toString).sorted().toList())));
            return operators.operatorsOfManager(subject);
        });
    }

    @Override
    public Page<Operator> operators(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> operators.list(page));
    }

    @Override
    public Operator operator(Caller caller, NetworkSlug network, OperatorId id) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true,
                granted -> operators.find(id).orElseThrow(() -> new NotFoundException("operator.not-found")));
    }

    @Override
    public StoredPlace createPlace(Caller caller, NetworkSlug network, PlaceCommand.Raw raw,
            @Nullable OpeningHoursCommand hoursInput) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            Fields fields = new Fields();
            OpeningHours hours = hoursInput == null ? null : hoursInput.parse(fields, "hours", n.timeZone().zone());
            PlaceCommand c = PlaceCommand.parse(raw, fields);
            requireOperator(granted, caller, c.operator());
            Slug slug = c.slug() == null ? Slug.fromName(c.name()) : c.slug();
            Place place = new Place(new PlaceId(Ids.newId(clock)), n.id(), c.operator(), slug, c.name(), c.kinds(),
                    c.address(), c.commune(), c.insee(), c.coordinates(), c.capacity(), c.services(), c.servicesNote(),
                    c.accessibility(), c.status(), c.description(), clock.instant(), clock.instant(), 0);
            StoredPlace stored = places.insert(new StoredPlace(place, hours == null ? closed(n) : hours));
            audit.record(n.id(), caller, "place.created", place.id().toString(), Map.of("slug", slug.value()));
            return stored;
        });
    }

    @Override
    public StoredPlace updatePlace(Caller caller, NetworkSlug network, PlaceId id, PlaceCommand.Raw raw,
            @Nullable OpeningHoursCommand hoursInput, @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            StoredPlace current = OperatorScope.place(places, operators, granted, caller, id);
            checkVersion(expectedVersion, current.place().version());
            Fields fields = new Fields();
            OpeningHours hours = hoursInput == null ? null : hoursInput.parse(fields, "hours", n.timeZone().zone());
            PlaceCommand c = PlaceCommand.parse(raw, fields);
            requireOperator(granted, caller, c.operator());
            Place p = current.place();
            Place changed = new Place(p.id(), p.network(), c.operator(), c.slug() == null ? p.slug() : c.slug(),
                    c.name(), c.kinds(), c.address(), c.commune(), c.insee(), c.coordinates(), c.capacity(),
                    c.services(), c.servicesNote(), c.accessibility(), c.status(), c.description(), p.createdAt(),
                    clock.instant(), p.version());
            StoredPlace saved = places.update(new StoredPlace(changed, hours == null ? current.hours() : hours));
            audit.record(n.id(), caller, "place.updated", id.toString(), Map.of());
            return saved;
        });
    }

    @Override
    public Page<StoredPlace> places(Caller caller, NetworkSlug network, PageRequest page) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true,
                granted -> places.list(null, false, page));
    }

    @Override
    public StoredPlace place(Caller caller, NetworkSlug network, PlaceId id) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true,
                granted -> places.find(id).orElseThrow(() -> new NotFoundException("place.not-found")));
    }

    /** Animators may use any operator; a manager only those they run (others do not exist for them). */
    private void requireOperator(NetworkAccess granted, Caller caller, OperatorId operator) {
        boolean exists = operators.find(operator).isPresent();
        boolean allowed = OperatorScope.runs(operators, granted, caller, operator);
        if (!exists || !allowed) {
            throw new InvalidInputException(List.of(new FieldViolation("operatorId", "operator.not-found",
                    List.of())));
        }
    }

    private static void checkVersion(@Nullable Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleVersionException(true);
        }
    }

    private static OpeningHours closed(Network n) {
        return OpeningHours.of(n.timeZone().zone(), WeeklySchedule.parse(Map.of()));
    }

    static ConflictException slugTaken(Slug slug) {
        return new ConflictException("place.slug.taken", slug.value());
    }
}
