package fr.maillage.adapter.rest.booking;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.booking.BookingResponses.AgendaResponse;
import fr.maillage.adapter.rest.booking.BookingResponses.BookingResponse;
import fr.maillage.adapter.rest.booking.BookingResponses.FeedResponse;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.booking.port.in.BookResourceUseCase;
import fr.maillage.application.booking.port.in.BookingCommand;
import fr.maillage.application.booking.port.in.BookingFeedUseCase;
import fr.maillage.application.booking.port.in.BookingFeedUseCase.FeedAddress;
import fr.maillage.application.booking.port.in.BookingsQuery;
import fr.maillage.application.booking.port.in.BookingsQuery.BookingView;
import fr.maillage.application.booking.port.in.CancelBookingUseCase;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.booking.BookingId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookings of resources: members book for themselves, managers for a member at their places; a resource's agenda;
 * a member's own bookings and the secret address of their calendar feed.
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bookings", description = "Bookings of resources (rooms, desks, machines) inside opening hours")
class BookingController {

    private final BookResourceUseCase book;
    private final CancelBookingUseCase cancel;
    private final BookingsQuery bookings;
    private final BookingFeedUseCase feeds;

    BookingController(BookResourceUseCase book, CancelBookingUseCase cancel, BookingsQuery bookings,
            BookingFeedUseCase feeds) {
        this.book = book;
        this.cancel = cancel;
        this.bookings = bookings;
        this.feeds = feeds;
    }

    record BookingRequest(@Nullable String start, @Nullable String end, @Nullable String note,
            @Nullable String memberId) {
        BookingCommand.Raw raw() {
            return new BookingCommand.Raw(start, end, note, memberId);
        }
    }

    record CancelRequest(@Nullable String reason) {
    }

    @Operation(summary = "Book a resource", description = "A member for themself (without memberId); a manager for "
            + "a member (memberId) at the places of their operators, animators anywhere. start and end: ISO-8601 "
            + "date-times with an offset, or local ones of the network's time zone; quarter hours; at most 12 hours; "
            + "inside one opening of the place; from the current quarter hour to a year ahead. 409 booking.overlap "
            + "when the resource is taken, booking.outside-hours / booking.place.closed outside the place's hours.")
    @PostMapping(path = "/resources/{resourceId}/bookings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BookingResponse> book(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String resourceId, @RequestBody BookingRequest body) {
        BookingView created = book.book(caller, network(slug), resourceId(resourceId), body.raw());
        return ResponseEntity.created(URI.create("/api/networks/" + slug + "/bookings/" + created.booking().id()))
                .eTag("\"" + created.booking().version() + "\"").body(BookingResponse.of(created));
    }

    @Operation(summary = "A resource's agenda", description = "Anyone of the network: the place's openings and the "
            + "confirmed bookings meeting [from, to) (ISO date-times, or dates for the start of a day in the network's "
            + "time zone; default: today for 7 days; at most 62 days). Managers of the place and animators see who "
            + "booked; members see their own bookings and only busy ranges for the others.")
    @GetMapping("/resources/{resourceId}/bookings")
    AgendaResponse agenda(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String resourceId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return AgendaResponse.of(bookings.agenda(caller, network(slug), resourceId(resourceId), from, to));
    }

    @Operation(summary = "Read a booking", description = "Its member; managers of its place; animators. Others: 404.")
    @GetMapping("/bookings/{bookingId}")
    ResponseEntity<BookingResponse> booking(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String bookingId) {
        BookingView view = bookings.booking(caller, network(slug), bookingId(bookingId));
        return ResponseEntity.ok().eTag("\"" + view.booking().version() + "\"").body(BookingResponse.of(view));
    }

    @Operation(summary = "Cancel a booking", description = "Its member until it starts; managers of its place and "
            + "animators until it ends (optional reason). The booking is kept, CANCELLED, and the slot is free. "
            + "Cancelling a cancelled booking changes nothing.")
    @PostMapping("/bookings/{bookingId}/cancel")
    ResponseEntity<BookingResponse> cancel(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String bookingId, @RequestBody(required = false) @Nullable CancelRequest body) {
        BookingView view = cancel.cancel(caller, network(slug), bookingId(bookingId),
                body == null ? null : body.reason());
        return ResponseEntity.ok().eTag("\"" + view.booking().version() + "\"").body(BookingResponse.of(view));
    }

    @Operation(summary = "My bookings", description = "The caller's bookings in the network (cancelled ones "
            + "included) that meet [from, to): by default those not yet ended; by start.")
    @GetMapping("/me/bookings")
    PageResponse<BookingResponse> mine(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(bookings.myBookings(caller, network(slug), from, to, PageRequest.of(page, size)),
                BookingResponse::of);
    }

    @Operation(summary = "My calendar feed", description = "The secret address of an iCalendar feed of the caller's "
            + "bookings, for calendar applications. Issued (url given) on the first call; later calls say when it "
            + "was issued without the url, since only a hash of its token is kept: rotate to get a new one.")
    @GetMapping("/me/bookings/feed")
    FeedResponse feed(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            HttpServletRequest request) {
        return response(feeds.feed(caller, network(slug)), request);
    }

    @Operation(summary = "Renew my calendar feed's address", description = "Issues a new secret address; the old one "
            + "stops working at once (404).")
    @PostMapping("/me/bookings/feed/rotate")
    FeedResponse rotate(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            HttpServletRequest request) {
        return response(feeds.rotateFeed(caller, network(slug)), request);
    }

    private static FeedResponse response(FeedAddress feed, HttpServletRequest request) {
        String url = feed.token() == null ? null : request.getScheme() + "://" + request.getServerName() + ":"
                + request.getServerPort() + BookingCalendarController.PATH + feed.token() + ".ics";
        return new FeedResponse(url, feed.issuedAt(), feed.token() != null);
    }

    private static UUID resourceId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("resource.not-found");
        }
    }

    private static BookingId bookingId(String raw) {
        try {
            return new BookingId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("booking.not-found");
        }
    }
}
