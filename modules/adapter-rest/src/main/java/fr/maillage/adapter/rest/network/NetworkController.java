package fr.maillage.adapter.rest.network;

import static fr.maillage.adapter.rest.shared.RequestValues.network;
import static fr.maillage.adapter.rest.shared.RequestValues.expectedVersion;

import fr.maillage.adapter.rest.directory.RenderedDirectories;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.network.port.in.CreateNetworkCommand;
import fr.maillage.application.network.port.in.CreateNetworkUseCase;
import fr.maillage.application.network.port.in.FindNetworksQuery;
import fr.maillage.application.network.port.in.NetworkListCriteria;
import fr.maillage.application.network.port.in.UpdateNetworkCommand;
import fr.maillage.application.network.port.in.UpdateNetworkUseCase;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Fields;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkStatus;
import fr.maillage.domain.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The network registry: platform admins create, read, list, rename and archive networks. */
@RestController
@RequestMapping(path = "/api/networks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Networks", description = "The networks of tiers-lieux: the tenants of the platform")
class NetworkController {


    private final CreateNetworkUseCase createNetwork;
    private final UpdateNetworkUseCase updateNetwork;
    private final FindNetworksQuery findNetworks;
    private final RenderedDirectories directories;

    NetworkController(CreateNetworkUseCase createNetwork, UpdateNetworkUseCase updateNetwork,
            FindNetworksQuery findNetworks, RenderedDirectories directories) {
        this.createNetwork = createNetwork;
        this.updateNetwork = updateNetwork;
        this.findNetworks = findNetworks;
        this.directories = directories;
    }

    @Operation(summary = "Create a network", description = "Platform admins only. 409 when the slug is taken.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NetworkResponse> create(@Parameter(hidden = true) Caller caller,
            @RequestBody NetworkRequests.Create body) {
        CreateNetworkCommand command = CreateNetworkCommand.parse(body.slug(), body.name(), body.territory(),
                body.timeZone());
        Network network = createNetwork.createNetwork(caller, command);
        return ResponseEntity.created(URI.create("/api/networks/" + network.slug().value()))
                .eTag(etag(network))
                .body(NetworkResponse.of(network));
    }

    @Operation(summary = "Read a network", description = "Answers 304 when If-None-Match holds the current ETag.")
    @GetMapping("/{slug}")
    @Nullable ResponseEntity<NetworkResponse> get(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            WebRequest request) {
        Network network = findNetworks.getNetwork(caller, network(slug));
        if (request.checkNotModified(etag(network))) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag(network)).body(NetworkResponse.of(network));
    }

    @Operation(summary = "List networks", description = "Sorted by slug; at most 100 a page.")
    @GetMapping
    PageResponse<NetworkResponse> list(@Parameter(hidden = true) Caller caller,
            @Parameter(description = "ACTIVE or ARCHIVED; all when omitted") @RequestParam(required = false)
            @Nullable String status,
            @Parameter(description = "0-based page number") @RequestParam(required = false) @Nullable Integer page,
            @Parameter(description = "page size, 1 to 100 (20 by default)") @RequestParam(required = false)
            @Nullable Integer size) {
        Fields fields = new Fields();
        NetworkStatus wanted = fields.optional("status", status, NetworkController::status);
        fields.throwIfInvalid();
        NetworkListCriteria criteria = new NetworkListCriteria(wanted, PageRequest.of(page, size));
        return PageResponse.of(findNetworks.listNetworks(caller, criteria), NetworkResponse::of);
    }

    @Operation(summary = "Rename a network, change its territory or time zone, allow network passes",
            description = "Send If-Match with the ETag you read to refuse the change (412) if someone changed the "
                    + "network meanwhile. An archived network answers 409.")
    @PatchMapping(path = "/{slug}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<NetworkResponse> update(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody NetworkRequests.Update body) {
        NetworkSlug networkSlug = network(slug);
        UpdateNetworkCommand command = UpdateNetworkCommand.parse(networkSlug, body.name(), body.territory(),
                body.timeZone(), body.networkPassesAllowed(), expectedVersion(ifMatch));
        Network network = updateNetwork.updateNetwork(caller, command);
        directories.changed(network.slug().value());
        return ResponseEntity.ok().eTag(etag(network)).body(NetworkResponse.of(network));
    }

    @Operation(summary = "Archive a network", description = "Idempotent. An archived network is read-only; its slug "
            + "is never reused.")
    @PostMapping("/{slug}/archive")
    ResponseEntity<NetworkResponse> archive(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        Network network = updateNetwork.archiveNetwork(caller, network(slug));
        directories.changed(network.slug().value());
        return ResponseEntity.status(HttpStatus.OK).eTag(etag(network)).body(NetworkResponse.of(network));
    }


    private static NetworkStatus status(String raw) {
        try {
            return NetworkStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("network.status.unknown", raw);
        }
    }

    private static String etag(Network network) {
        return "\"" + network.version() + "\"";
    }

}
