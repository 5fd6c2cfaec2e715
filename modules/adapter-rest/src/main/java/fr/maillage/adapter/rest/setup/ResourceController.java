package fr.maillage.adapter.rest.setup;

import static fr.maillage.adapter.rest.shared.RequestValues.network;
import static fr.maillage.adapter.rest.shared.RequestValues.expectedVersion;

import fr.maillage.application.setup.port.in.ManageResourcesUseCase;
import fr.maillage.application.setup.port.in.ResourceCommand;
import fr.maillage.application.setup.port.in.ResourcesQuery;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.money.Money;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.place.Resource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resources of a place (animators, managers for their operators' places; anyone of the network reads). */
@RestController
@RequestMapping(path = "/api/networks/{slug}/places/{placeId}/resources", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Set-up", description = "Operators and places of a network")
class ResourceController {


    private final ManageResourcesUseCase manage;
    private final ResourcesQuery resources;

    ResourceController(ManageResourcesUseCase manage, ResourcesQuery resources) {
        this.manage = manage;
        this.resources = resources;
    }

    record ResourceRequest(@Nullable String kind, @Nullable String name, @Nullable Integer capacity,
            @Nullable Long pricePerHourCents, @Nullable Long pricePerHalfDayCents, @Nullable Long pricePerDayCents,
            @Nullable Boolean active) {
        ResourceCommand.Raw raw() {
            return new ResourceCommand.Raw(kind, name, capacity, pricePerHourCents, pricePerHalfDayCents,
                    pricePerDayCents, active);
        }
    }

    record ResourceResponse(UUID id, UUID placeId, String kind, String name, int capacity,
            @Nullable Long pricePerHourCents, @Nullable Long pricePerHalfDayCents, @Nullable Long pricePerDayCents,
            boolean active, long version) {
        static ResourceResponse of(Resource r) {
            return new ResourceResponse(r.id(), r.place().value(), r.kind().name(), r.name(), r.capacity(),
                    cents(r.pricePerHour()), cents(r.pricePerHalfDay()), cents(r.pricePerDay()), r.active(),
                    r.version());
        }

        private static @Nullable Long cents(@Nullable Money money) {
            return money == null ? null : money.cents();
        }
    }

    record ResourcesResponse(List<ResourceResponse> items) {
    }

    @Operation(summary = "List a place's resources", description = "Anyone of the network; inactive ones included.")
    @GetMapping
    ResourcesResponse resources(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId) {
        return new ResourcesResponse(resources.resources(caller, network(slug), placeId(placeId)).stream()
                .map(ResourceResponse::of).toList());
    }

    @Operation(summary = "Add a resource to a place",
            description = "Animators; managers for the places of their operators (others answer 404).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResourceResponse> create(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId, @RequestBody ResourceRequest body) {
        Resource created = manage.createResource(caller, network(slug), placeId(placeId), body.raw());
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/places/" + placeId + "/resources/"
                + created.id())).eTag("\"" + created.version() + "\"").body(ResourceResponse.of(created));
    }

    @Operation(summary = "Replace a resource's details",
            description = "Animators; managers for the places of their operators (others answer 404). If-Match.")
    @PutMapping(path = "/{resourceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResourceResponse> update(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId, @PathVariable String resourceId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ResourceRequest body) {
        Resource saved = manage.updateResource(caller, network(slug), placeId(placeId), resourceId(resourceId),
                body.raw(), expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(ResourceResponse.of(saved));
    }


    private static PlaceId placeId(String raw) {
        try {
            return new PlaceId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("place.not-found");
        }
    }

    private static UUID resourceId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("resource.not-found");
        }
    }

}
