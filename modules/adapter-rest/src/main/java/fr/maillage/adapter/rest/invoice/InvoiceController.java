package fr.maillage.adapter.rest.invoice;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.invoice.InvoiceResponse.IntegrityResponse;
import fr.maillage.adapter.rest.shared.PageResponse;
import fr.maillage.application.invoice.port.in.InvoicesQuery;
import fr.maillage.application.invoice.port.in.InvoicesQuery.Rendered;
import fr.maillage.application.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and credit notes: read only. They are issued from membership events (sales, payments, cancellations,
 * refunds), never created, changed nor deleted through the API (any other method answers 405).
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Invoices", description = "Invoices and credit notes, Factur-X PDFs, integrity of the hash chain")
class InvoiceController {

    private final InvoicesQuery invoices;

    InvoiceController(InvoicesQuery invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "Search invoices and credit notes", description = "Animators (every operator); managers "
            + "for the operators they run. Filters: operator (id), member (id), kind (INVOICE or CREDIT_NOTE), from "
            + "and to (issue dates, inclusive, YYYY-MM-DD), q (part of the number or of the buyer's name). Most "
            + "recent first.")
    @GetMapping("/invoices")
    PageResponse<InvoiceResponse> search(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable String operator,
            @RequestParam(required = false) @Nullable String member,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(invoices.search(caller, network(slug),
                new InvoicesQuery.Search(operator, member, kind, from, to, q, page, size)), InvoiceResponse::of);
    }

    @Operation(summary = "Read an invoice or credit note", description = "Animators; managers for their operators' "
            + "documents (others: 404 invoice.not-found). With what payments settled and credit notes corrected.")
    @GetMapping("/invoices/{invoiceId}")
    InvoiceResponse invoice(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String invoiceId) {
        return InvoiceResponse.of(invoices.invoice(caller, network(slug), invoiceId));
    }

    @Operation(summary = "The Factur-X PDF of an invoice or credit note", description = "PDF/A-3 with the EN 16931 "
            + "XML embedded (factur-x.xml). Same access as reading it.")
    @GetMapping(path = "/invoices/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String invoiceId) {
        return file(invoices.pdf(caller, network(slug), invoiceId));
    }

    @Operation(summary = "Check the integrity of an operator's documents", description = "Recomputes the hash chain "
            + "of the operator's invoices and credit notes and their numbering: intact, or the first broken link "
            + "(position, number, problem: HASH_MISMATCH, PREVIOUS_MISMATCH, POSITION_GAP, NUMBER_GAP). Animators; "
            + "managers for the operators they run (others: 404 operator.not-found).")
    @GetMapping("/operators/{operatorId}/invoices/integrity")
    IntegrityResponse integrity(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId) {
        return IntegrityResponse.of(operatorId, invoices.verify(caller, network(slug), operatorId));
    }

    @Operation(summary = "The caller's own invoices and credit notes", description = "Members (self-service); 404 "
            + "member.not-found when the caller has no member profile in the network.")
    @GetMapping("/me/invoices")
    PageResponse<InvoiceResponse> mine(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return PageResponse.of(invoices.myInvoices(caller, network(slug), page, size), InvoiceResponse::of);
    }

    @Operation(summary = "One of the caller's own invoices", description = "Another member's: 404 invoice.not-found.")
    @GetMapping("/me/invoices/{invoiceId}")
    InvoiceResponse myInvoice(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String invoiceId) {
        return InvoiceResponse.of(invoices.myInvoice(caller, network(slug), invoiceId));
    }

    @Operation(summary = "The Factur-X PDF of one of the caller's own invoices")
    @GetMapping(path = "/me/invoices/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> myPdf(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String invoiceId) {
        return file(invoices.myPdf(caller, network(slug), invoiceId));
    }

    private static ResponseEntity<byte[]> file(Rendered rendered) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(rendered.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendered.filename()).build().toString())
                .body(rendered.content());
    }
}
