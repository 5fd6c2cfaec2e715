package fr.maillage.application.member;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.member.MemberImportIssue;
import fr.maillage.domain.member.MemberProfile;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.PostalAddress;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A member list to import: a CSV file ({@link MemberCsv}) whose header names the columns in French or in English,
 * whatever the case, accents and punctuation ("Prénom", "PRENOM", "first name" and "First_Name" are one column).
 * Email, family name and given name are required; the others are optional; unknown columns are ignored (and said).
 * An address is imported only if the file has its three columns (address, postal code, town): with some of them
 * only, they are ignored (and said). See {@link Column} for the names accepted.
 *
 * <p>{@link #check()} checks every row against the rules of a member's profile and reports every problem of every row
 * (line, column, code), duplicates of an email inside the file included; it reads nothing else.
 */
public final class MemberImportFile {

    /** The columns a file may have, with the names (normalised: lower case, no accents, words) accepted for each. */
    public enum Column {
        EMAIL("email", true, "email", "e mail", "courriel", "mail", "adresse email", "adresse e mail", "adresse mail",
                "adresse courriel", "adresse electronique", "email address", "e mail address"),
        FAMILY_NAME("familyName", true, "nom", "nom de famille", "nom famille", "family name", "last name",
                "lastname", "surname", "familyname"),
        GIVEN_NAME("givenName", true, "prenom", "prenoms", "given name", "first name", "firstname", "givenname"),
        PHONE("phone", false, "telephone", "tel", "telephone mobile", "telephone portable", "portable", "mobile",
                "numero de telephone", "phone", "phone number", "mobile phone"),
        COMPANY("company", false, "societe", "entreprise", "employeur", "structure", "organisation", "company",
                "employer", "organization"),
        ADDRESS_LINE1("address.line1", false, "adresse", "adresse postale", "adresse 1", "adresse ligne 1", "rue",
                "address", "address 1", "address line 1", "street", "postal address"),
        ADDRESS_LINE2("address.line2", false, "complement d adresse", "complement adresse", "complement",
                "adresse 2", "adresse ligne 2", "address 2", "address line 2"),
        POSTAL_CODE("address.postalCode", false, "code postal", "cp", "postal code", "postcode", "zip",
                "zip code"),
        TOWN("address.town", false, "ville", "commune", "localite", "town", "city"),
        NEWSLETTER("newsletter", false, "newsletter", "lettre d information", "lettre d info", "infolettre",
                "lettre d actualites", "news");

        private final String field;
        private final boolean required;
        private final List<String> names;

        Column(String field, boolean required, String... names) {
            this.field = field;
            this.required = required;
            this.names = List.of(names);
        }

        /** The member's field the column feeds, as the API names it. */
        public String field() {
            return field;
        }

        public boolean required() {
            return required;
        }

        public List<String> names() {
            return names;
        }

        private static final Map<String, Column> BY_NAME = new HashMap<>();

        static {
            for (Column column : values()) {
                column.names.forEach(name -> BY_NAME.put(name, column));
            }
        }

        static @Nullable Column named(String header) {
            return BY_NAME.get(normalize(header));
        }
    }

    /** A valid row: what the new member is made of. */
    public record Candidate(int line, EmailAddress email, MemberProfile profile, boolean newsletter) {
    }

    /** What {@link #check()} found: the valid rows and the issues of the bad ones (in the file's order). */
    public record Checked(List<Candidate> candidates, List<MemberImportIssue> errors) {

        public Checked {
            candidates = List.copyOf(candidates);
            errors = List.copyOf(errors);
        }
    }

    private static final List<String> YES = List.of("oui", "o", "yes", "y", "true", "vrai", "1", "x");
    private static final List<String> NO = List.of("non", "n", "no", "false", "faux", "0", "");

    private final MemberCsv.Table table;
    private final Map<Column, Integer> columns;
    private final List<String> ignored;

    private MemberImportFile(MemberCsv.Table table, Map<Column, Integer> columns, List<String> ignored) {
        this.table = table;
        this.columns = columns;
        this.ignored = List.copyOf(ignored);
    }

    /**
     * Reads the file and its header. Refused at once (400, every problem of the file at once): an empty or binary
     * file, a quote left open, a required column missing, a column named twice, more than {@code maxRows} rows.
     */
    public static MemberImportFile read(byte[] content, @Nullable Charset declared, int maxRows) {
        MemberCsv.Table table = MemberCsv.read(content, declared);
        List<FieldViolation> problems = new ArrayList<>();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        List<String> header = table.header().cells();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Column column = Column.named(name);
            if (column == null) {
                ignored.add(name);
            } else if (columns.containsKey(column)) {
                problems.add(new FieldViolation("columns", "member.import.column.duplicate",
                        List.of(header.get(columns.get(column)).strip(), name)));
            } else {
                columns.put(column, i);
            }
        }
        for (Column column : Column.values()) {
            if (column.required() && !columns.containsKey(column)) {
                problems.add(new FieldViolation("columns", "member.import.column.missing." + column.field(),
                        List.of()));
            }
        }
        boolean wholeAddress = columns.containsKey(Column.ADDRESS_LINE1) && columns.containsKey(Column.POSTAL_CODE)
                && columns.containsKey(Column.TOWN);
        if (!wholeAddress) {
            for (Column part : List.of(Column.ADDRESS_LINE1, Column.ADDRESS_LINE2, Column.POSTAL_CODE, Column.TOWN)) {
                Integer index = columns.remove(part);
                if (index != null) {
                    ignored.add(header.get(index).strip());
                }
            }
        }
        if (table.rows().size() > maxRows) {
            problems.add(new FieldViolation("file", "member.import.too-many-rows",
                    List.of(table.rows().size(), maxRows)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MemberImportFile(table, columns, ignored);
    }

    public int rows() {
        return table.rows().size();
    }

    public String encoding() {
        return table.encoding();
    }

    public char separator() {
        return table.separator();
    }

    /** The header's columns that are not imported, as the file names them. */
    public List<String> ignoredColumns() {
        return ignored;
    }

    /** The columns imported: as the file names them, to the member's field they feed. */
    public Map<String, String> importedColumns() {
        Map<String, String> imported = new LinkedHashMap<>();
        columns.forEach((column, index) -> imported.put(table.header().cell(index).strip(), column.field()));
        return imported;
    }

    /** Checks every row; {@code progress} is told the number of rows checked so far, now and then. */
    public Checked check(IntConsumer progress, int every) {
        List<Candidate> candidates = new ArrayList<>();
        List<MemberImportIssue> errors = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        int done = 0;
        for (MemberCsv.Row row : table.rows()) {
            Candidate candidate = check(row, errors, firstLineOf);
            if (candidate != null) {
                candidates.add(candidate);
            }
            done++;
            if (done % every == 0) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        return new Checked(candidates, errors);
    }

    /** Checks every row at once. */
    public Checked check() {
        return check(done -> { }, Integer.MAX_VALUE);
    }

    /** Checks a row; its issues are added to {@code errors} in the order of the file's columns. */
    private @Nullable Candidate check(MemberCsv.Row row, List<MemberImportIssue> errors,
            Map<String, Integer> firstLineOf) {
        List<MemberImportIssue> found = new ArrayList<>();
        Candidate candidate = checkRow(row, found, firstLineOf);
        found.sort(Comparator.comparingInt(issue -> issue.column() == null ? -1
                : table.header().cells().stream().map(String::strip).toList().indexOf(issue.column())));
        errors.addAll(found);
        return candidate;
    }

    private @Nullable Candidate checkRow(MemberCsv.Row row, List<MemberImportIssue> errors,
            Map<String, Integer> firstLineOf) {
        int before = errors.size();
        int width = table.header().cells().size();
        for (int i = width; i < row.cells().size(); i++) {
            if (!row.cells().get(i).isBlank()) {
                errors.add(MemberImportIssue.error(row.line(), null, null, "member.import.row.too-many-cells",
                        List.of(row.cells().size(), width)));
                return null;
            }
        }
        EmailAddress email = required(row, Column.EMAIL, errors, raw -> {
            EmailAddress parsed = EmailAddress.of(raw);
            return new EmailAddress(Member.normalizeEmail(parsed.value()));
        });
        if (email != null) {
            Integer first = firstLineOf.putIfAbsent(email.value(), row.line());
            if (first != null) {
                errors.add(MemberImportIssue.error(row.line(), name(Column.EMAIL), Column.EMAIL.field(),
                        "member.import.email.duplicate", List.of(first)));
            }
        }
        String family = required(row, Column.FAMILY_NAME, errors, MemberProfile::familyName);
        String given = required(row, Column.GIVEN_NAME, errors, MemberProfile::givenName);
        String phone = optional(row, Column.PHONE, errors, raw -> MemberProfile.phone(phone(raw)));
        String company = optional(row, Column.COMPANY, errors, MemberProfile::company);
        PostalAddress address = address(row, errors);
        Boolean newsletter = optional(row, Column.NEWSLETTER, errors, MemberImportFile::yesOrNo);
        if (errors.size() > before) {
            return null;
        }
        return new Candidate(row.line(), Objects.requireNonNull(email), new MemberProfile(
                Objects.requireNonNull(given), Objects.requireNonNull(family), phone, company, address),
                Boolean.TRUE.equals(newsletter));
    }

    private @Nullable PostalAddress address(MemberCsv.Row row, List<MemberImportIssue> errors) {
        if (!columns.containsKey(Column.ADDRESS_LINE1)) {
            return null;
        }
        String line1 = value(row, Column.ADDRESS_LINE1);
        String line2 = value(row, Column.ADDRESS_LINE2);
        String postal = value(row, Column.POSTAL_CODE);
        String town = value(row, Column.TOWN);
        if (line1.isEmpty() && line2.isEmpty() && postal.isEmpty() && town.isEmpty()) {
            return null;
        }
        boolean whole = true;
        for (Column part : List.of(Column.ADDRESS_LINE1, Column.POSTAL_CODE, Column.TOWN)) {
            if (value(row, part).isEmpty()) {
                errors.add(MemberImportIssue.error(row.line(), name(part), part.field(),
                        "member.import.address.incomplete", List.of()));
                whole = false;
            }
        }
        if (!whole) {
            return null;
        }
        // Spreadsheets drop the leading zero of the postal codes of départements 01 to 09 (05700 becomes 5700).
        String code = postal.replace(" ", "").matches("\\d{4}") ? "0" + postal.replace(" ", "") : postal;
        try {
            return new PostalAddress(line1, line2.isEmpty() ? null : line2, code, town);
        } catch (InvalidValueException e) {
            Column part = e.code().startsWith("address.postal-code") ? Column.POSTAL_CODE
                    : e.code().startsWith("address.town") ? Column.TOWN
                    : e.code().startsWith("address.line2") ? Column.ADDRESS_LINE2 : Column.ADDRESS_LINE1;
            errors.add(MemberImportIssue.error(row.line(), name(part), part.field(), e.code(), e.arguments()));
            return null;
        }
    }

    /** Spreadsheets drop the leading zero of French numbers too (612345678 for 06 12 34 56 78). */
    private static String phone(String raw) {
        String s = raw.strip();
        return s.matches("[1-9]\\d{8}") ? "0" + s : s;
    }

    private static Boolean yesOrNo(String raw) {
        String value = normalize(raw);
        if (YES.contains(value)) {
            return true;
        }
        if (NO.contains(value)) {
            return false;
        }
        throw new InvalidValueException("member.import.newsletter.format");
    }

    private <T> @Nullable T required(MemberCsv.Row row, Column column, List<MemberImportIssue> errors,
            Function<String, T> parser) {
        String raw = value(row, column);
        if (raw.isEmpty()) {
            errors.add(MemberImportIssue.error(row.line(), name(column), column.field(), "field.required",
                    List.of()));
            return null;
        }
        return parse(row, column, raw, errors, parser);
    }

    private <T> @Nullable T optional(MemberCsv.Row row, Column column, List<MemberImportIssue> errors,
            Function<String, T> parser) {
        if (!columns.containsKey(column)) {
            return null;
        }
        String raw = value(row, column);
        return raw.isEmpty() ? null : parse(row, column, raw, errors, parser);
    }

    private <T> @Nullable T parse(MemberCsv.Row row, Column column, String raw, List<MemberImportIssue> errors,
            Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            errors.add(MemberImportIssue.error(row.line(), name(column), column.field(), e.code(), e.arguments()));
            return null;
        }
    }

    private String value(MemberCsv.Row row, Column column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index).strip();
    }

    private @Nullable String name(Column column) {
        Integer index = columns.get(column);
        return index == null ? null : table.header().cell(index).strip();
    }

    /** "Prénom", " PRÉNOM " and "prenom" become "prenom"; "Code_Postal" and "code-postal" become "code postal". */
    static String normalize(String raw) {
        String stripped = Normalizer.normalize(raw.strip().replace("\uFEFF", ""), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return stripped.replaceAll("[^a-z0-9]+", " ").strip();
    }
}
