package fr.maillage.adapter.rest.offer;

import static fr.maillage.adapter.rest.shared.RequestValues.network;
import static fr.maillage.adapter.rest.shared.RequestValues.expectedVersion;

import fr.maillage.adapter.rest.directory.RenderedDirectories;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.offer.port.in.ManageOffersUseCase;
import fr.maillage.application.offer.port.in.OfferCommand;
import fr.maillage.application.offer.port.in.OffersQuery;
import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.PageRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Offers operators sell (animators, managers for their operators; anyone of the network reads). */
@RestController
@RequestMapping(path = "/api/networks/{slug}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Offers", description = "Subscriptions, cards of entries and day passes that operators sell")
class OfferController {


    private final ManageOffersUseCase manage;
    private final OffersQuery offers;
    private final RenderedDirectories directories;

    OfferController(ManageOffersUseCase manage, OffersQuery offers, RenderedDirectories directories) {
        this.manage = manage;
        this.offers = offers;
        this.directories = directories;
    }

    record OfferRequest(@Nullable String operatorId, @Nullable String name,
            OfferCommand.@Nullable TermsInput terms, @Nullable Long priceCents, @Nullable String vatRate,
            OfferCommand.@Nullable ScopeInput scope) {
        OfferCommand.Raw raw() {
            return new OfferCommand.Raw(operatorId, name, terms, priceCents, vatRate, scope);
        }
    }


    @Operation(summary = "List the offers", description = "Anyone of the network; archived ones included.")
    @GetMapping
    PageResponse<OfferResponse> offers(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(offers.offers(caller, network(slug), PageRequest.of(page, size)), OfferResponse::of);
    }

    @Operation(summary = "Create an offer", description = "Animators; managers for the operators they run. "
            + "409 offer.scope.network-passes-not-allowed for WHOLE_NETWORK unless the network allows passes.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferResponse> create(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody OfferRequest body) {
        OfferView created = manage.createOffer(caller, network(slug), body.raw());
        directories.changed(slug);
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/offers/" + created.offer().id()))
                .eTag("\"" + created.offer().version() + "\"").body(OfferResponse.of(created));
    }

    @Operation(summary = "Read an offer")
    @GetMapping("/{offerId}")
    ResponseEntity<OfferResponse> offer(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String offerId) {
        OfferView view = offers.offer(caller, network(slug), offerId(offerId));
        return ResponseEntity.ok().eTag("\"" + view.offer().version() + "\"").body(OfferResponse.of(view));
    }

    @Operation(summary = "Replace an offer's details",
            description = "Animators; managers for their operators' offers (others answer 404). If-Match.")
    @PutMapping(path = "/{offerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferResponse> update(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String offerId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody OfferRequest body) {
        OfferView saved = manage.updateOffer(caller, network(slug), offerId(offerId), body.raw(), expectedVersion(ifMatch));
        directories.changed(slug);
        return answer(saved);
    }

    @Operation(summary = "Archive an offer", description = "Animators; managers for their operators' offers. "
            + "Offers are never deleted (one that has been sold must stay); archiving is idempotent.")
    @PostMapping("/{offerId}/archive")
    ResponseEntity<OfferResponse> archive(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String offerId) {
        OfferView saved = manage.archiveOffer(caller, network(slug), offerId(offerId));
        directories.changed(slug);
        return answer(saved);
    }

    private static ResponseEntity<OfferResponse> answer(OfferView view) {
        return ResponseEntity.ok().eTag("\"" + view.offer().version() + "\"").body(OfferResponse.of(view));
    }


    private static UUID offerId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("offer.not-found");
        }
    }

}
