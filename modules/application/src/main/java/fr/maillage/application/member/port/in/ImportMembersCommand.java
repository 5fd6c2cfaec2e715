package fr.maillage.application.member.port.in;

import org.jspecify.annotations.Nullable;

/**
 * A member list to import: the bytes of a CSV file (see {@code MemberImportFile} for what it may hold), the charset
 * the request declared if any (a byte order mark wins; without either, UTF-8 or Windows-1252 is recognised), and
 * whether to validate only ({@code dryRun}: nothing is written but the job and its report).
 */
public record ImportMembersCommand(byte[] content, @Nullable String charset, boolean dryRun) {
}
