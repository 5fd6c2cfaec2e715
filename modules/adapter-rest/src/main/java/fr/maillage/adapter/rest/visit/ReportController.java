package fr.maillage.adapter.rest.visit;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.application.shared.Caller;
import fr.maillage.application.visit.port.in.AttendanceCriteria;
import fr.maillage.application.visit.port.in.AttendanceQuery;
import fr.maillage.application.visit.port.in.AttendanceQuery.Attendance;
import fr.maillage.application.visit.port.in.SettlementsQuery;
import fr.maillage.application.visit.port.in.SettlementsQuery.Settlements;
import fr.maillage.application.visit.port.out.AttendancePort.AttendanceLine;
import fr.maillage.application.visit.port.out.AttendancePort.Granularity;
import fr.maillage.application.visit.port.out.UsageLedgerPort.SettlementLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Attendance of places and the monthly settlements between operators (animators; managers for their operators). */
@RestController
@RequestMapping(path = "/api/networks/{slug}")
@Tag(name = "Reports", description = "Attendance of places and settlements between operators")
class ReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
    /** The columns of the settlements CSV, in order (documented in docs/api.md). */
    static final List<String> SETTLEMENT_COLUMNS = List.of("Mois", "Opérateur vendeur", "Identifiant opérateur vendeur",
            "Opérateur du lieu", "Identifiant opérateur du lieu", "Entrées", "Montant (centimes)", "Montant (€)");
    private static final MediaType TEXT_CSV = new MediaType("text", "csv");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final AttendanceQuery attendance;
    private final SettlementsQuery settlements;

    ReportController(AttendanceQuery attendance, SettlementsQuery settlements) {
        this.attendance = attendance;
        this.settlements = settlements;
    }

    /**
     * @param period {@code 2026-03-02} per day, {@code 2026-03} per month
     * @param presenceHours the hours of presence, rounded to the hundredth
     */
    record AttendanceItem(UUID placeId, String placeName, String period, long visits, long distinctMembers,
            long presenceMinutes, BigDecimal presenceHours) {
        static AttendanceItem of(AttendanceLine line, Granularity granularity) {
            String period = granularity == Granularity.DAY ? line.period().toString()
                    : line.period().format(DateTimeFormatter.ofPattern("yyyy-MM"));
            return new AttendanceItem(line.place().value(), line.placeName(), period, line.visits(), line.members(),
                    line.presenceSeconds() / 60, BigDecimal.valueOf(line.presenceSeconds())
                            .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
        }
    }

    record AttendanceResponse(String granularity, LocalDate from, LocalDate to, String timeZone, long totalVisits,
            List<AttendanceItem> items) {
    }

    record SettlementItem(UUID sellerOperatorId, String sellerOperatorName, UUID placeOperatorId,
            String placeOperatorName, long entries, long amountCents, BigDecimal amountEuros) {
        static SettlementItem of(SettlementLine l) {
            return new SettlementItem(l.seller().value(), l.sellerName(), l.placeOperator().value(),
                    l.placeOperatorName(), l.entries(), l.amountCents(), euros(l.amountCents()));
        }
    }

    record SettlementsResponse(String month, String currency, long totalEntries, long totalCents,
            BigDecimal totalEuros, List<SettlementItem> items) {
    }

    @Operation(summary = "Attendance per place and day or month",
            description = "Visits, distinct members and hours of presence per place and period (the local date of "
                    + "check-in, network time). granularity=DAY|MONTH, from and to (YYYY-MM-DD, included), placeId "
                    + "optional. Animators see every place, managers their operators' places. Periods without "
                    + "visits are absent.")
    @GetMapping(path = "/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
    AttendanceResponse attendance(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable String granularity,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String placeId) {
        Attendance a = attendance.attendance(caller, network(slug),
                new AttendanceCriteria.Raw(granularity, from, to, placeId));
        return new AttendanceResponse(a.granularity().name(), a.from(), a.to(), a.zone().getId(),
                a.lines().stream().mapToLong(AttendanceLine::visits).sum(),
                a.lines().stream().map(l -> AttendanceItem.of(l, a.granularity())).toList());
    }

    @Operation(summary = "Monthly settlements between operators",
            description = "month=YYYY-MM. Per pair (seller A, place operator B, A ≠ B): the entries of A's cards used "
                    + "at B's places and their value, which A owes B. JSON, or CSV with Accept: text/csv (French "
                    + "conventions, see settlements.csv). Animators see every pair, managers those involving their "
                    + "operators.")
    @GetMapping(path = "/settlements", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> settlements(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable String month,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        Settlements s = settlements.settlements(caller, network(slug), month);
        if (prefersCsv(accept)) {
            return csv(slug, s);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new SettlementsResponse(
                s.month().toString(), "EUR", s.totalEntries(), s.totalCents(), euros(s.totalCents()),
                s.lines().stream().map(SettlementItem::of).toList()));
    }

    @Operation(summary = "Monthly settlements between operators, as CSV",
            description = "UTF-8 with a byte order mark, semicolons, decimal commas, CRLF; columns: Mois; Opérateur "
                    + "vendeur; Identifiant opérateur vendeur; Opérateur du lieu; Identifiant opérateur du lieu; "
                    + "Entrées; Montant (centimes); Montant (€).")
    @GetMapping(path = "/settlements.csv", produces = "text/csv")
    ResponseEntity<byte[]> settlementsCsv(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestParam(required = false) @Nullable String month) {
        return csv(slug, settlements.settlements(caller, network(slug), month));
    }

    /** Whether the caller asked for CSV before JSON (no Accept, or anything else, is JSON). */
    static boolean prefersCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.includes(MediaType.APPLICATION_JSON)) {
                    return false;
                }
                if (type.includes(TEXT_CSV)) {
                    return true;
                }
            }
        } catch (RuntimeException unreadable) {
            return false;
        }
        return false;
    }

    private static ResponseEntity<byte[]> csv(String slug, Settlements s) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(";", SETTLEMENT_COLUMNS)).append("\r\n");
        for (SettlementLine l : s.lines()) {
            out.append(String.join(";", List.of(s.month().toString(), cell(l.sellerName()), l.seller().toString(),
                    cell(l.placeOperatorName()), l.placeOperator().toString(), Long.toString(l.entries()),
                    Long.toString(l.amountCents()), euros(l.amountCents()).toPlainString().replace('.', ','))))
                    .append("\r\n");
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, body, 0, BOM.length);
        System.arraycopy(text, 0, body, BOM.length, text.length);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("reglements-" + slug + "-" + s.month() + ".csv").build().toString())
                .body(body);
    }

    /**
     * A CSV cell: quoted when it holds a separator, a quote or a line break (quotes doubled); a leading =, +, - or @
     * (a formula for spreadsheets) is prefixed with ' and quoted, as in the public directory's CSV.
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (!safe.equals(value) || safe.contains(";") || safe.contains("\"") || safe.contains("\n")
                || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
