package fr.maillage.application.setup;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.NetworkAccess;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.setup.port.in.ManageResourcesUseCase;
import fr.maillage.application.setup.port.in.ResourceCommand;
import fr.maillage.application.setup.port.in.ResourcesQuery;
import fr.maillage.application.setup.port.out.OperatorPort;
import fr.maillage.application.setup.port.out.PlacePort;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.application.setup.port.out.ResourcePort;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The resources of places: access as for their place ({@link Permission#MANAGE_PLACES}, managers for theirs). */
public final class ResourceService implements ManageResourcesUseCase, ResourcesQuery {

    private final AccessPolicy access;
    private final ResourcePort resources;
    private final PlacePort places;
    private final OperatorPort operators;
    private final AuditLog audit;
    private final Clock clock;

    public ResourceService(AccessPolicy access, ResourcePort resources, PlacePort places, OperatorPort operators,
            AuditLog audit, Clock clock) {
        this.access = access;
        this.resources = resources;
        this.places = places;
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Resource createResource(Caller caller, NetworkSlug network, PlaceId place, ResourceCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            managedPlace(granted, caller, place);
            ResourceCommand c = ResourceCommand.parse(raw);
            Resource created = resources.insert(new Resource(Ids.newId(clock), n.id(), place, c.kind(), c.name(),
                    c.capacity(), c.pricePerHour(), c.pricePerHalfDay(), c.pricePerDay(), c.active(), 0));
            audit.record(n.id(), caller, "resource.created", created.id().toString(),
                    Map.of("place", place.toString()));
            return created;
        });
    }

    @Override
    public Resource updateResource(Caller caller, NetworkSlug network, PlaceId place, UUID id,
            ResourceCommand.Raw raw, @Nullable Long expectedVersion) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLACES, false, granted -> {
            Network n = granted.writableNetwork();
            managedPlace(granted, caller, place);
            Resource current = resources.find(id).filter(r -> r.place().equals(place))
                    .orElseThrow(() -> new NotFoundException("resource.not-found"));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException(true);
            }
            ResourceCommand c = ResourceCommand.parse(raw);
            Resource saved = resources.update(new Resource(id, current.network(), place, c.kind(), c.name(),
                    c.capacity(), c.pricePerHour(), c.pricePerHalfDay(), c.pricePerDay(), c.active(),
                    current.version()));
            audit.record(n.id(), caller, "resource.updated", id.toString(), Map.of("place", place.toString()));
            return saved;
        });
    }

    @Override
    public List<Resource> resources(Caller caller, NetworkSlug network, PlaceId place) {
        return access.inNetwork(caller, network, Permission.READ_NETWORK, true, granted -> {
            places.find(place).orElseThrow(() -> new NotFoundException("place.not-found"));
            return resources.ofPlace(place);
        });
    }

    /** The place, if the caller manages it (for a manager, another operator's place does not exist). */
    private StoredPlace managedPlace(NetworkAccess granted, Caller caller, PlaceId id) {
        return OperatorScope.place(places, operators, granted, caller, id);
    }
}
