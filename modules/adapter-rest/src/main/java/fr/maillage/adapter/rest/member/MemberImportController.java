package fr.maillage.adapter.rest.member;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.adapter.rest.problem.Problems;
import fr.maillage.application.member.port.in.ImportMembersCommand;
import fr.maillage.application.member.port.in.ImportMembersUseCase;
import fr.maillage.application.member.port.in.MemberImportsQuery;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.member.MemberImportIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports of member lists (CSV) by animators and managers: an asynchronous job, followed by polling. The body is the
 * file itself ({@code text/csv}, or {@code text/plain}), at most {@code maillage.members.import.max-body-bytes}
 * (5 MiB): the one path the request body limit of the API (64 KiB) does not apply to (see RequestBodyLimitFilter).
 */
@RestController
@RequestMapping(path = "/api/networks/{slug}/member-imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Member imports", description = "Importing a member list from a CSV file, all or nothing")
class MemberImportController {

    private final ImportMembersUseCase importMembers;
    private final MemberImportsQuery imports;
    private final Problems problems;

    MemberImportController(ImportMembersUseCase importMembers, MemberImportsQuery imports, Problems problems) {
        this.importMembers = importMembers;
        this.imports = imports;
        this.problems = problems;
    }

    @Operation(summary = "Import a member list (CSV)", description = """
            Animators and managers. The body is the CSV file (Content-Type text/csv or text/plain; UTF-8 with or \
            without BOM, or Windows-1252 as French Excel writes it; separator ; , or tab; a header row naming the \
            columns in French or English: nom, prénom, email/courriel required; téléphone, société, adresse, \
            complément d'adresse, code postal, ville, newsletter (oui/non) optional). At most 5 MiB (413) and \
            20,000 rows. A file that cannot be read, or lacks a required column, is refused at once (400). Otherwise \
            202 with the job (Location: where to poll it): every row is validated, then, if all are valid, the new \
            members are written in one transaction; one bad row and nothing is written (status FAILED, errors per \
            row). Rows whose email is already a member's are skipped and reported. dryRun=true validates only.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", example = """
                            nom;prénom;email;téléphone;newsletter
                            Martin;Camille;camille.martin@example.org;06 12 34 56 78;oui"""))))
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<MemberImportResponse> start(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @Parameter(description = "validate only, write no member") @RequestParam(defaultValue = "false")
            boolean dryRun,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestBody(required = false) byte @Nullable [] body) {
        MemberImportsQuery.Report report = importMembers.startImport(caller, network(slug),
                new ImportMembersCommand(body == null ? new byte[0] : body, charset(contentType), dryRun));
        return ResponseEntity.accepted()
                .location(URI.create("/api/networks/" + slug + "/member-imports/" + report.job().id()))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(MemberImportResponse.of(report, problems, LocaleContextHolder.getLocale()));
    }

    @Operation(summary = "Follow an import", description = """
            Animators and managers. status QUEUED, VALIDATING, IMPORTING, then SUCCEEDED or FAILED; processedRows \
            counts the rows validated, then the rows written, up to totalRows. errors: each bad row's line (the \
            header is line 1), column, code and message in the caller's language (at most 1,000; errorCount is the \
            whole count); skipped: rows already members.""")
    @GetMapping("/{importId}")
    MemberImportResponse get(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String importId) {
        return MemberImportResponse.of(imports.memberImport(caller, network(slug), id(importId)), problems,
                LocaleContextHolder.getLocale());
    }

    @Operation(summary = "The issues of an import as CSV", description = """
            Animators and managers. One line per issue (line, column, field, kind, code, message), in the caller's \
            language; semicolons and UTF-8 with BOM in French (Excel), commas in English.""")
    @GetMapping(path = "/{importId}/errors.csv", produces = "text/csv")
    ResponseEntity<byte[]> errorsCsv(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @PathVariable String importId) {
        MemberImportsQuery.Report report = imports.memberImport(caller, network(slug), id(importId));
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(Problems.language(locale));
        char separator = english ? ',' : ';';
        StringBuilder csv = new StringBuilder();
        List<String> header = english ? List.of("line", "column", "field", "kind", "code", "message")
                : List.of("ligne", "colonne", "champ", "type", "code", "message");
        csv.append(String.join(String.valueOf(separator), header)).append("\r\n");
        for (MemberImportIssue issue : report.issues()) {
            String kind = issue.skipped() ? (english ? "skipped" : "ignorée") : (english ? "error" : "erreur");
            List<String> cells = List.of(String.valueOf(issue.line()), nonNull(issue.column()),
                    nonNull(issue.field()), kind, issue.code(),
                    MemberImportResponse.issue(issue, problems, locale).message());
            StringBuilder line = new StringBuilder();
            for (String cell : cells) {
                if (!line.isEmpty()) {
                    line.append(separator);
                }
                line.append(field(cell, separator));
            }
            csv.append(line).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        String name = (english ? "import-errors-" : "import-erreurs-") + report.job().id() + ".csv";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8;header=present"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(out.toByteArray());
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** A CSV cell, quoted when it must be; a leading = + - @ is neutralised (formula injection in spreadsheets). */
    private static String field(String value, char separator) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(separator) >= 0 || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static @Nullable String charset(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? null : charset.name();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("member.import.not-found");
        }
    }
}
