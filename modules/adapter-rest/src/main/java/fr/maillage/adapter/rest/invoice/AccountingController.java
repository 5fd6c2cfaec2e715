package fr.maillage.adapter.rest.invoice;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.application.invoice.port.in.InvoicesQuery;
import fr.maillage.application.invoice.port.in.InvoicesQuery.Accounting;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.invoice.Fec;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.Settlement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Accounting exports of an operator over a period: its invoices and credit notes, its settlements (CSV with French
 * conventions: {@code ;}, decimal comma, UTF-8 with BOM, as settlements.csv), and the FEC (tab-separated, the 18
 * columns of art. A47 A-1 LPF, named {@code <SIREN>FEC<YYYYMMDD>.txt} after the period's last day).
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}/operators/{operatorId}/accounting")
@Tag(name = "Invoices", description = "Invoices and credit notes, Factur-X PDFs, integrity of the hash chain")
class AccountingController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
    static final MediaType FEC = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The columns of invoices.csv, in order (documented in docs/api.md). */
    static final List<String> INVOICE_COLUMNS = List.of("numero", "type", "date_emission", "date_echeance",
            "debut_prestation", "fin_prestation", "client", "entreprise", "facture_corrigee", "montant_ht", "tva",
            "montant_ttc", "mention_tva");
    /** The columns of payments.csv, in order. */
    static final List<String> PAYMENT_COLUMNS = List.of("date_reception", "facture", "client", "moyen", "reference",
            "montant");

    private final InvoicesQuery invoices;

    AccountingController(InvoicesQuery invoices) {
        this.invoices = invoices;
    }

    @Operation(summary = "An operator's invoices and credit notes of a period, as CSV", description = "from and to "
            + "(issue dates, inclusive, YYYY-MM-DD, at most 366 days; to defaults to today, from to the first day "
            + "of to's year). Animators; managers for the operators they "
            + "run. Credit notes' amounts are negative.")
    @GetMapping(path = "/invoices.csv", produces = "text/csv")
    ResponseEntity<byte[]> invoicesCsv(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Accounting a = invoices.accounting(caller, network(slug), operatorId, from, to);
        StringBuilder out = new StringBuilder(String.join(";", INVOICE_COLUMNS)).append("\r\n");
        for (Invoice i : a.documents()) {
            long sign = i.isCreditNote() ? -1 : 1;
            out.append(String.join(";", List.of(i.number().value(), i.isCreditNote() ? "avoir" : "facture",
                    i.issueDate().toString(), i.dueDate().toString(), i.serviceFrom().toString(),
                    i.serviceUntil().toString(), cell(i.buyer().name()),
                    cell(i.buyer().company() == null ? "" : i.buyer().company()),
                    i.credits() == null ? "" : i.credits().number().value(),
                    Fec.amount(sign * i.amounts().netCents()), Fec.amount(sign * i.amounts().vatCents()),
                    Fec.amount(sign * i.amounts().grossCents()), cell(i.vatMention())))).append("\r\n");
        }
        return csv(out, "factures-" + a.siren() + "-" + a.from() + "-" + a.to() + ".csv");
    }

    @Operation(summary = "The settlements of an operator's invoices in a period, as CSV", description = "Payments "
            + "received from and to (inclusive), each with the invoice it settled, and refunds given back (a negative "
            + "amount, with their credit note). Same access as invoices.csv.")
    @GetMapping(path = "/payments.csv", produces = "text/csv")
    ResponseEntity<byte[]> paymentsCsv(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Accounting a = invoices.accounting(caller, network(slug), operatorId, from, to);
        StringBuilder out = new StringBuilder(String.join(";", PAYMENT_COLUMNS)).append("\r\n");
        for (Settlement s : a.settlements()) {
            out.append(String.join(";", List.of(s.receivedOn().toString(), s.invoiceNumber().value(),
                    cell(s.buyerName()), s.method().name(), cell(s.reference() == null ? "" : s.reference()),
                    Fec.amount(s.refund() ? -s.amountCents() : s.amountCents())))).append("\r\n");
        }
        return csv(out, "reglements-factures-" + a.siren() + "-" + a.from() + "-" + a.to() + ".csv");
    }

    @Operation(summary = "The FEC of an operator's sales and settlements in a period", description = "Fichier des "
            + "écritures comptables: tab-separated, 18 columns, journals VT (sales: 411/706/44571), BQ (512) and CA "
            + "(530). Same access as invoices.csv.")
    @GetMapping(path = "/fec", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<byte[]> fec(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String operatorId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Accounting a = invoices.accounting(caller, network(slug), operatorId, from, to);
        StringBuilder out = new StringBuilder(String.join("\t", Fec.COLUMNS)).append("\r\n");
        for (Fec.Line line : Fec.lines(a.documents(), a.settlements())) {
            out.append(String.join("\t", line.cells())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(FEC)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(Fec.filename(a.siren(), a.to())).build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> csv(StringBuilder out, String filename) {
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, body, 0, BOM.length);
        System.arraycopy(text, 0, body, BOM.length, text.length);
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString()).body(body);
    }

    /** A CSV cell: quoted when needed; a leading =, +, - or @ is neutralised (spreadsheet formulas). */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (!safe.equals(value) || safe.contains(";") || safe.contains("\"") || safe.contains("\n")
                || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
