package fr.maillage.adapter.rest.setup;

import static fr.maillage.adapter.rest.shared.RequestValues.network;
import static fr.maillage.adapter.rest.shared.RequestValues.expectedVersion;

import fr.maillage.adapter.rest.directory.RenderedDirectories;
import fr.maillage.adapter.rest.setup.SetupResponses.OperatorResponse;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.adapter.rest.setup.SetupResponses.PlaceResponse;
import fr.maillage.application.setup.port.in.ManageOperatorsUseCase;
import fr.maillage.application.setup.port.in.ManagePlacesUseCase;
import fr.maillage.application.setup.port.in.OpeningHoursCommand;
import fr.maillage.application.setup.port.in.OperatorCommand;
import fr.maillage.application.setup.port.in.OperatorsQuery;
import fr.maillage.application.setup.port.in.PlaceCommand;
import fr.maillage.application.setup.port.in.PlacesQuery;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.place.PlaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The set-up of a network: operators (animators), places with their hours (animators, managers for theirs). */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Set-up", description = "Operators and places of a network")
class SetupController {


    private final ManageOperatorsUseCase manageOperators;
    private final OperatorsQuery operators;
    private final ManagePlacesUseCase managePlaces;
    private final PlacesQuery places;
    private final Clock clock;
    private final RenderedDirectories directories;

    SetupController(ManageOperatorsUseCase manageOperators, OperatorsQuery operators, ManagePlacesUseCase managePlaces,
            PlacesQuery places, Clock clock, RenderedDirectories directories) {
        this.manageOperators = manageOperators;
        this.operators = operators;
        this.managePlaces = managePlaces;
        this.places = places;
        this.clock = clock;
        this.directories = directories;
    }

    record OperatorRequest(@Nullable String legalName, @Nullable String siren,
            OperatorCommand.@Nullable AddressInput address, OperatorCommand.@Nullable VatInput vatRegime,
            @Nullable String invoicePrefix) {
        OperatorCommand.Raw raw() {
            return new OperatorCommand.Raw(legalName, siren, address, vatRegime, invoicePrefix);
        }
    }

    record ManagerOperatorsRequest(@Nullable List<@Nullable String> operatorIds) {
    }

    record ManagerOperatorsResponse(String subject, List<UUID> operatorIds) {
    }

    record PlaceRequest(@Nullable String operatorId, @Nullable String slug, @Nullable String name,
            @Nullable List<String> kinds, OperatorCommand.@Nullable AddressInput address, @Nullable String commune,
            @Nullable String insee, @Nullable Double latitude, @Nullable Double longitude, @Nullable Integer capacity,
            @Nullable List<String> services, @Nullable String servicesNote, @Nullable Boolean stepFreeAccess,
            @Nullable Boolean accessibleToilets, @Nullable String accessibilityNote, @Nullable String status,
            @Nullable String descriptionFr, @Nullable String descriptionEn, @Nullable OpeningHoursCommand hours) {
        PlaceCommand.Raw raw() {
            return new PlaceCommand.Raw(operatorId, slug, name, kinds, address, commune, insee, latitude, longitude,
                    capacity, services, servicesNote, stepFreeAccess, accessibleToilets, accessibilityNote, status,
                    descriptionFr, descriptionEn);
        }
    }

    @Operation(summary = "List the operators", description = "Anyone of the network.")
    @GetMapping("/operators")
    PageResponse<OperatorResponse> operators(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(operators.operators(caller, network(slug), PageRequest.of(page, size)),
                OperatorResponse::of);
    }

    @Operation(summary = "Create an operator", description = "Animators. 409 when the invoice prefix is taken.")
    @PostMapping(path = "/operators", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OperatorResponse> createOperator(@Parameter(hidden = true) Caller caller,
            @PathVariable String slug, @RequestBody OperatorRequest body) {
        Operator created = manageOperators.createOperator(caller, network(slug), body.raw());
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/operators/" + created.id()))
                .eTag("\"" + created.version() + "\"").body(OperatorResponse.of(created));
    }

    @Operation(summary = "Read an operator")
    @GetMapping("/operators/{operatorId}")
    ResponseEntity<OperatorResponse> operator(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId) {
        Operator o = operators.operator(caller, network(slug), operatorId(operatorId));
        return ResponseEntity.ok().eTag("\"" + o.version() + "\"").body(OperatorResponse.of(o));
    }

    @Operation(summary = "Replace an operator's details", description = "Animators; If-Match for safe updates.")
    @PutMapping(path = "/operators/{operatorId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OperatorResponse> updateOperator(@Parameter(hidden = true) Caller caller,
            @PathVariable String slug, @PathVariable String operatorId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody OperatorRequest body) {
        Operator o = manageOperators.updateOperator(caller, network(slug), operatorId(operatorId), body.raw(),
                expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag("\"" + o.version() + "\"").body(OperatorResponse.of(o));
    }

    @Operation(summary = "Set the operators a manager runs", description = "Animators. Replaces the set.")
    @PutMapping(path = "/managers/{subject}/operators", consumes = MediaType.APPLICATION_JSON_VALUE)
    ManagerOperatorsResponse setManagerOperators(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String subject, @RequestBody ManagerOperatorsRequest body) {
        Set<OperatorId> set = manageOperators.setManagerOperators(caller, network(slug), subject, body.operatorIds());
        return new ManagerOperatorsResponse(subject, set.stream().map(OperatorId::value).toList());
    }

    @Operation(summary = "List the places", description = "Anyone of the network; every status.")
    @GetMapping("/places")
    PageResponse<PlaceResponse> places(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(places.places(caller, network(slug), PageRequest.of(page, size)),
                p -> PlaceResponse.of(p, clock));
    }

    @Operation(summary = "Create a place", description = "Animators; managers for the operators they run.")
    @PostMapping(path = "/places", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlaceResponse> createPlace(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody PlaceRequest body) {
        var created = managePlaces.createPlace(caller, network(slug), body.raw(), body.hours());
        directories.changed(slug);
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/places/" + created.place().id()))
                .eTag("\"" + created.place().version() + "\"").body(PlaceResponse.of(created, clock));
    }

    @Operation(summary = "Read a place")
    @GetMapping("/places/{placeId}")
    ResponseEntity<PlaceResponse> place(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId) {
        var p = places.place(caller, network(slug), placeId(placeId));
        return ResponseEntity.ok().eTag("\"" + p.place().version() + "\"").body(PlaceResponse.of(p, clock));
    }

    @Operation(summary = "Replace a place's details (and hours when given)",
            description = "Animators; managers for the places of their operators (others answer 404).")
    @PutMapping(path = "/places/{placeId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlaceResponse> updatePlace(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody PlaceRequest body) {
        var p = managePlaces.updatePlace(caller, network(slug), placeId(placeId), body.raw(), body.hours(),
                expectedVersion(ifMatch));
        directories.changed(slug);
        return ResponseEntity.ok().eTag("\"" + p.place().version() + "\"").body(PlaceResponse.of(p, clock));
    }


    private static OperatorId operatorId(String raw) {
        try {
            return new OperatorId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("operator.not-found");
        }
    }

    private static PlaceId placeId(String raw) {
        try {
            return new PlaceId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("place.not-found");
        }
    }

}
