package fr.maillage.domain.member;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an import says of one row of the file: an error (the row is invalid, so nothing is imported), or a row skipped
 * because its email is already a member's in the network ({@code member.import.already-member}; the member's file is
 * left as it is).
 *
 * @param line the row's number as a spreadsheet shows it (the header row is 1)
 * @param column the column as the file names it, or {@code null} for the whole row
 * @param field the member's field the column feeds ({@code email}, {@code givenName}, ...), or {@code null}
 * @param code the message code
 * @param arguments the message's arguments (numbers written as digits)
 */
public record MemberImportIssue(int line, @Nullable String column, @Nullable String field, String code,
        List<String> arguments, boolean skipped) {

    public static final String ALREADY_MEMBER = "member.import.already-member";

    public MemberImportIssue {
        if (line < 1) {
            throw new IllegalArgumentException("a line number starts at 1");
        }
        Objects.requireNonNull(code);
        arguments = List.copyOf(arguments);
    }

    public static MemberImportIssue error(int line, @Nullable String column, @Nullable String field, String code,
            List<?> arguments) {
        return new MemberImportIssue(line, column, field, code, arguments.stream().map(String::valueOf).toList(),
                false);
    }

    public static MemberImportIssue alreadyMember(int line, @Nullable String column) {
        return new MemberImportIssue(line, column, "email", ALREADY_MEMBER, List.of(), true);
    }
}
