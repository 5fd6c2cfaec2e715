package fr.maillage.adapter.rest.member;

import fr.maillage.adapter.rest.problem.Problems;
import fr.maillage.application.member.port.in.MemberImportsQuery;
import fr.maillage.domain.member.MemberImport;
import fr.maillage.domain.member.MemberImportIssue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import job as the API shows it: its state and counts, what was found of the file, and the issues of its rows
 * in the caller's language ({@code errors}, and {@code skipped} rows already members).
 */
public record MemberImportResponse(UUID id, String status, boolean dryRun, int totalRows, int processedRows,
        int importedRows, int skippedRows, int errorCount, @Nullable Message failure, String encoding,
        String separator, List<String> ignoredColumns, Instant createdAt, Instant heartbeatAt,
        @Nullable Instant finishedAt, List<Issue> errors, List<Issue> skipped, boolean issuesTruncated) {

    public record Message(String code, String message) {
    }

    /** One row's issue: its line (the header is line 1), the column as the file names it, and why. */
    public record Issue(int line, @Nullable String column, @Nullable String field, String code, String message) {
    }

    static MemberImportResponse of(MemberImportsQuery.Report report, Problems problems, Locale locale) {
        MemberImport job = report.job();
        List<Issue> errors = report.issues().stream().filter(i -> !i.skipped())
                .map(i -> issue(i, problems, locale)).toList();
        List<Issue> skipped = report.issues().stream().filter(MemberImportIssue::skipped)
                .map(i -> issue(i, problems, locale)).toList();
        // Skipped rows are stored when the job ends; until then, fewer of them is not a truncation.
        boolean truncated = errors.size() < job.errorCount()
                || (job.status().isFinished() && skipped.size() < job.skippedRows());
        return new MemberImportResponse(job.id(), job.status().name(), job.dryRun(), job.totalRows(),
                job.processedRows(), job.importedRows(), job.skippedRows(), job.errorCount(),
                job.failure() == null ? null : new Message(job.failure(),
                        problems.message(job.failure(), List.of(), locale)),
                report.encoding(), String.valueOf(report.separator()), report.ignoredColumns(), job.createdAt(),
                job.heartbeatAt(), job.finishedAt(), errors, skipped, truncated);
    }

    static Issue issue(MemberImportIssue issue, Problems problems, Locale locale) {
        return new Issue(issue.line(), issue.column(), issue.field(), issue.code(),
                problems.message(issue.code(), arguments(issue), locale));
    }

    /** Digits back to numbers, so that messages write them the way of the language (1 000 in French). */
    static List<Object> arguments(MemberImportIssue issue) {
        return issue.arguments().stream().<Object>map(a -> a.matches("-?\\d{1,18}") ? Long.valueOf(a) : a).toList();
    }
}
