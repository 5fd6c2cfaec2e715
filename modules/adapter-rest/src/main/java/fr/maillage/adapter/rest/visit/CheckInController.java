package fr.maillage.adapter.rest.visit;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.problem.Problems;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.application.visit.port.in.CheckInCodeQuery;
import fr.maillage.application.visit.port.in.CheckInCodeQuery.CheckInCode;
import fr.maillage.application.visit.port.in.CheckInUseCase;
import fr.maillage.application.visit.port.in.CheckOutUseCase;
import fr.maillage.application.visit.port.in.DeskCheckInCommand;
import fr.maillage.application.visit.port.in.PresenceQuery;
import fr.maillage.application.visit.port.in.PresenceQuery.DayVisits;
import fr.maillage.application.visit.port.in.PresenceQuery.Presence;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.visit.ExpiredCheckInTokenException;
import fr.maillage.domain.visit.NoCoveringMembershipException;
import fr.maillage.domain.visit.PlaceClosedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Check-ins and check-outs, at the front desk (managers, at their operators' places) and by members with the QR code
 * of the place; who is present; a place's visits of a day; a member's own visits.
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Check-ins", description = "Check-ins and check-outs, QR codes of places, presence and visits")
class CheckInController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");
    private static final Map<String, DateTimeFormatter> WHEN = Map.of(
            "fr", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Locale.FRENCH),
            "en", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH));
    private static final Map<String, DateTimeFormatter> DAY = Map.of(
            "fr", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH),
            "en", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH));

    private final CheckInUseCase checkIn;
    private final CheckOutUseCase checkOut;
    private final CheckInCodeQuery codes;
    private final PresenceQuery presence;
    private final Problems problems;
    private final Clock clock;
    private final String publicUrl;

    CheckInController(CheckInUseCase checkIn, CheckOutUseCase checkOut, CheckInCodeQuery codes,
            PresenceQuery presence, Problems problems, Clock clock,
            @Value("${maillage.public-url:}") String publicUrl) {
        this.checkIn = checkIn;
        this.checkOut = checkOut;
        this.codes = codes;
        this.presence = presence;
        this.problems = problems;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    record TokenCheckInRequest(@Nullable String token) {
    }

    record DeskCheckInRequest(@Nullable String memberId, @Nullable String overrideReason) {
    }

    record CheckInCodeResponse(UUID placeId, String placeName, String token, String url, String qrCodeSvg,
            Instant renewAt, Instant expiresAt) {
    }

    record PresenceResponse(UUID placeId, String placeName, Instant at, int count, List<VisitResponse> visits) {
    }

    record DayVisitsResponse(UUID placeId, String placeName, LocalDate date, int count, List<VisitResponse> visits) {
    }

    // ------------------------------------------------------------------------------------------------ QR code

    @Operation(summary = "The current check-in code of a place",
            description = "Front desk (managers at their operators' places). The token rotates every 5 minutes and "
                    + "is accepted until expiresAt; url is the link the QR code holds (the member opens it, logs in "
                    + "and checks in); show a new code from renewAt.")
    @GetMapping("/places/{placeId}/check-in-code")
    ResponseEntity<CheckInCodeResponse> code(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId) {
        CheckInCode code = codes.checkInCode(caller, network(slug), placeId(placeId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new CheckInCodeResponse(
                code.place().value(), code.placeName(), code.token(), link(slug, code.token()),
                "/api/networks/" + slug + "/places/" + placeId + "/check-in-code.svg", code.renewAt(),
                code.expiresAt()));
    }

    @Operation(summary = "The current check-in QR code of a place, as SVG",
            description = "Front desk. The image of the link of /check-in-code, to show on a screen at the entrance "
                    + "(refresh it every few minutes).")
    @GetMapping(path = "/places/{placeId}/check-in-code.svg", produces = "image/svg+xml")
    ResponseEntity<String> qrCode(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId) {
        CheckInCode code = codes.checkInCode(caller, network(slug), placeId(placeId));
        String title = "Arrivée à " + code.placeName();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(SVG)
                .body(QrCodes.svg(link(slug, code.token()), title, 320));
    }

    // ------------------------------------------------------------------------------------------------ check-in

    @Operation(summary = "Check in with a place's QR code (member)",
            description = "The member's own arrival: the token of the QR code shown in the place. 400 "
                    + "check-in.token.invalid, 410 check-in.token.expired, 409 outside opening hours (with the next "
                    + "opening), when already checked in, or when no membership covers the visit (the problem lists "
                    + "the offers on sale for the place).")
    @PostMapping(path = "/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VisitResponse> checkInWithToken(@Parameter(hidden = true) Caller caller,
            @PathVariable String slug, @RequestBody TokenCheckInRequest body) {
        return created(checkIn.checkInWithToken(caller, network(slug), body.token()));
    }

    @Operation(summary = "Check a member in at the front desk",
            description = "Managers at their operators' places, animators anywhere. Outside opening hours, give "
                    + "overrideReason (kept on the visit and in the audit log).")
    @PostMapping(path = "/places/{placeId}/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VisitResponse> checkInAtDesk(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId, @RequestBody DeskCheckInRequest body) {
        return created(checkIn.checkInAtDesk(caller, network(slug), placeId(placeId),
                new DeskCheckInCommand.Raw(body.memberId(), body.overrideReason())));
    }

    // ------------------------------------------------------------------------------------------------ check-out

    @Operation(summary = "Check a visit out at the front desk",
            description = "Managers for visits to their operators' places. Consumes the further started blocks of a "
                    + "card. 409 visit.already-closed.")
    @PostMapping("/visits/{visitId}/check-out")
    VisitResponse checkOutAtDesk(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String visitId) {
        return VisitResponse.of(checkOut.checkOutAtDesk(caller, network(slug), visitId(visitId)), clock.instant());
    }

    @Operation(summary = "Check out (member)", description = "The member's own open visit. 409 visit.none-open.")
    @PostMapping("/me/visit/check-out")
    VisitResponse checkOutMine(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        return VisitResponse.of(checkOut.checkOutMine(caller, network(slug)), clock.instant());
    }

    // ------------------------------------------------------------------------------------------------ presence

    @Operation(summary = "Who is in a place now", description = "Front desk: the open visits, by arrival.")
    @GetMapping("/places/{placeId}/presence")
    PresenceResponse presence(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId) {
        Presence p = presence.presence(caller, network(slug), placeId(placeId));
        List<VisitResponse> visits = p.visits().stream().map(v -> VisitResponse.of(v, p.at())).toList();
        return new PresenceResponse(p.place().value(), p.placeName(), p.at(), visits.size(), visits);
    }

    @Operation(summary = "A place's visits of a day",
            description = "Front desk: the visits that began on the date (YYYY-MM-DD, network time; today by "
                    + "default), by arrival.")
    @GetMapping("/places/{placeId}/visits")
    DayVisitsResponse visitsOfDay(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String placeId, @RequestParam(required = false) @Nullable String date) {
        DayVisits day = presence.visitsOfDay(caller, network(slug), placeId(placeId), date);
        Instant now = clock.instant();
        List<VisitResponse> visits = day.visits().stream().map(v -> VisitResponse.of(v, now)).toList();
        return new DayVisitsResponse(day.place().value(), day.placeName(), day.date(), visits.size(), visits);
    }

    @Operation(summary = "My visits", description = "The member's own visits, the latest first.")
    @GetMapping("/me/visits")
    PageResponse<VisitResponse> myVisits(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        Instant now = clock.instant();
        return PageResponse.of(presence.myVisits(caller, network(slug), PageRequest.of(page, size)),
                v -> VisitResponse.of(v, now));
    }

    // ------------------------------------------------------------------------------------------------ problems

    /** 410: a genuine token that is no longer shown in the place. */
    @ExceptionHandler(ExpiredCheckInTokenException.class)
    ResponseEntity<ProblemDetail> expired(ExpiredCheckInTokenException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.problem(HttpStatus.GONE, e.code(), List.of(), locale);
        problem.setProperty("expiredAt", e.expiredAt().toString());
        return problems.response(problem, locale);
    }

    /** 409 with the next opening written as people read it, and as an instant for programs. */
    @ExceptionHandler(PlaceClosedException.class)
    ResponseEntity<ProblemDetail> closed(PlaceClosedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String when = e.nextOpening().map(at -> WHEN.get(Problems.language(locale)).format(at.atZone(e.zone())))
                .orElse("");
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, e.code(), List.of(e.placeName(), when), locale);
        problem.setProperty("nextOpening", e.nextOpening().map(Instant::toString).orElse(null));
        return problems.response(problem, locale);
    }

    /** 409 naming the offers on sale for the place, in the message and as a list. */
    @ExceptionHandler(NoCoveringMembershipException.class)
    ResponseEntity<ProblemDetail> uncovered(NoCoveringMembershipException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String language = Problems.language(locale);
        List<String> named = e.offers().stream().map(o -> o.name() + " (" + euros(o.price().cents(), language) + ")")
                .toList();
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, e.code(), List.of(e.placeName(),
                DAY.get(language).format(e.date()), String.join(", ", named)), locale);
        problem.setProperty("offers", e.offers().stream().map(CheckInController::offer).toList());
        return problems.response(problem, locale);
    }

    private static Map<String, Object> offer(Offer o) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("id", o.id().toString());
        offer.put("name", o.name());
        offer.put("type", switch (o.terms()) {
            case fr.maillage.domain.offer.OfferTerms.Subscription s -> "SUBSCRIPTION";
            case fr.maillage.domain.offer.OfferTerms.Card c -> "CARD";
            case fr.maillage.domain.offer.OfferTerms.DayPass d -> "DAY_PASS";
        });
        offer.put("priceCents", o.price().cents());
        return offer;
    }

    /** "50,00 €" in French, "€50.00" in English. */
    static String euros(long cents, String language) {
        String amount = (cents / 100) + (language.equals("fr") ? "," : ".") + String.format("%02d", cents % 100);
        return language.equals("fr") ? amount + "\u00a0€" : "€" + amount;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ResponseEntity<VisitResponse> created(fr.maillage.application.visit.port.out.VisitPort.VisitDetails d) {
        return ResponseEntity.status(HttpStatus.CREATED).body(VisitResponse.of(d, clock.instant()));
    }

    /** The link of the QR code: the member's page that posts the token (absolute, for phones). */
    private String link(String slug, String token) {
        String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl;
        return base + "/check-in?network=" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "&token=" + token;
    }

    private static PlaceId placeId(String raw) {
        try {
            return new PlaceId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("place.not-found");
        }
    }

    private static UUID visitId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("visit.not-found");
        }
    }
}
