package fr.maillage.application.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.domain.member.MemberImportIssue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading member lists as spreadsheets write them: encodings, separators, headers, quoting, every bad row at once. */
class MemberImportFileTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String FRENCH = """
            Nom;Prénom;Courriel;Téléphone;Société;Adresse;Code postal;Ville;Newsletter
            Martin;Camille;camille.martin@example.org;06 12 34 56 78;Les Tuves;Place de la Mairie;26170;Buis-les-Baronnies;oui
            Éléonore;Zoé;zoe@example.org;;;;;;non
            """;

    @Test
    void french_excel_in_windows_1252_with_semicolons_and_accents() {
        MemberImportFile file = read(FRENCH.replace("\n", "\r\n").getBytes(WINDOWS_1252));
        assertThat(file.encoding()).isEqualTo("windows-1252");
        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.ignoredColumns()).isEmpty();
        MemberImportFile.Checked checked = file.check();
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.candidates()).hasSize(2);
        MemberImportFile.Candidate camille = checked.candidates().get(0);
        assertThat(camille.line()).isEqualTo(2);
        assertThat(camille.email().value()).isEqualTo("camille.martin@example.org");
        assertThat(camille.profile().phone()).isEqualTo("+33612345678");
        assertThat(camille.profile().company()).isEqualTo("Les Tuves");
        assertThat(camille.profile().address().oneLine()).isEqualTo("Place de la Mairie, 26170 Buis-les-Baronnies");
        assertThat(camille.newsletter()).isTrue();
        MemberImportFile.Candidate zoe = checked.candidates().get(1);
        assertThat(zoe.profile().familyName()).isEqualTo("Éléonore");
        assertThat(zoe.profile().givenName()).isEqualTo("Zoé");
        assertThat(zoe.profile().address()).isNull();
        assertThat(zoe.newsletter()).isFalse();
    }

    @Test
    void utf8_with_or_without_bom_reads_the_same() {
        byte[] plain = FRENCH.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes(plain);
        for (byte[] content : List.of(plain, bom.toByteArray())) {
            MemberImportFile file = read(content);
            assertThat(file.encoding()).isEqualTo("UTF-8");
            assertThat(file.check().candidates()).extracting(c -> c.profile().givenName())
                    .containsExactly("Camille", "Zoé");
        }
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.writeBytes(FRENCH.replace(';', '\t').getBytes(StandardCharsets.UTF_16LE));
        MemberImportFile unicodeText = read(utf16.toByteArray());
        assertThat(unicodeText.encoding()).isEqualTo("UTF-16LE");
        assertThat(unicodeText.separator()).isEqualTo('\t');
        assertThat(unicodeText.check().candidates()).hasSize(2);
    }

    @Test
    void english_headers_commas_quotes_and_line_breaks_inside_cells() {
        String csv = "Email,First Name,LAST_NAME,Company,Newsletter,Member since\n"
                + "\"a@example.org\",Ann,\"Smith, Jr.\",\"The \"\"Works\"\"\nLtd\",yes,2021\n"
                + "\n"
                + "b@example.org,Bob,Brown,,,\n";
        MemberImportFile file = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.separator()).isEqualTo(',');
        assertThat(file.ignoredColumns()).containsExactly("Member since");
        assertThat(file.importedColumns()).containsEntry("LAST_NAME", "familyName").containsEntry("Email", "email");
        MemberImportFile.Checked checked = file.check();
        assertThat(checked.errors()).as("the company spans two lines: control characters are refused").hasSize(1);
        assertThat(checked.errors().getFirst().line()).isEqualTo(2);
        assertThat(checked.errors().getFirst().code()).isEqualTo("text.control-characters");
        assertThat(checked.candidates()).singleElement().satisfies(bob -> {
            assertThat(bob.line()).as("blank rows count, as in a spreadsheet").isEqualTo(4);
            assertThat(bob.profile().familyName()).isEqualTo("Brown");
        });
    }

    @Test
    void every_problem_of_every_row_is_reported_with_its_line_and_column() {
        String csv = """
                nom;prénom;email;téléphone;newsletter;adresse;code postal;ville
                ;Camille;pas-une-adresse;12;peut-être;;;
                Martin;;a@example.org;;;1 rue Haute;;Nyons
                Durand;Léa;A@Example.org;;;;;
                Roux;Jean;b@erased.invalid;;;;;;;x
                """;
        MemberImportFile.Checked checked = read(csv.getBytes(StandardCharsets.UTF_8)).check();
        assertThat(checked.candidates()).isEmpty();
        assertThat(checked.errors()).extracting(MemberImportFileTest::describe).containsExactly(
                "2:nom:field.required", "2:email:email.invalid", "2:téléphone:member.phone.format",
                "2:newsletter:member.import.newsletter.format",
                "3:prénom:field.required", "3:code postal:member.import.address.incomplete",
                "4:email:member.import.email.duplicate",
                "5:-:member.import.row.too-many-cells");
        assertThat(checked.errors().get(6).arguments()).containsExactly("3");
    }

    @Test
    void an_email_of_the_erased_members_domain_is_refused() {
        String csv = "nom;prénom;email\nRoux;Jean;b@erased.invalid\n";
        assertThat(read(csv.getBytes(StandardCharsets.UTF_8)).check().errors()).extracting(MemberImportFileTest::describe)
                .containsExactly("2:email:member.email.reserved");
    }

    @Test
    void spreadsheets_dropped_leading_zeros_are_put_back() {
        String csv = "nom;prénom;email;téléphone;adresse;code postal;ville\n"
                + "Martin;Camille;c@example.org;612345678;Place du Lac;5700;Serres\n";
        MemberImportFile.Candidate c = read(csv.getBytes(StandardCharsets.UTF_8)).check().candidates().getFirst();
        assertThat(c.profile().phone()).isEqualTo("+33612345678");
        assertThat(c.profile().address().postalCode()).isEqualTo("05700");
    }

    @Test
    void an_address_with_only_some_of_its_columns_is_ignored_and_said() {
        String csv = "nom;prénom;email;ville\nMartin;Camille;c@example.org;Nyons\n";
        MemberImportFile file = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.ignoredColumns()).containsExactly("ville");
        assertThat(file.check().candidates().getFirst().profile().address()).isNull();
    }

    @Test
    void file_level_problems_are_refused_at_once_all_together() {
        assertFile("", "file:member.import.empty");
        assertFile("nom;prénom;email\n\n;;\n", "file:member.import.empty");
        assertFile("PK\u0003\u0004\u0000\u0000binary", "file:member.import.not-text");
        assertFile("nom;prénom;email\n\"Martin;Camille;c@example.org\n", "file:member.import.quote.unclosed");
        assertFile("Nom;Téléphone;Tel\nMartin;1;2\n", "columns:member.import.column.duplicate",
                "columns:member.import.column.missing.email", "columns:member.import.column.missing.givenName");
        StringBuilder many = new StringBuilder("nom;prénom;email\n");
        for (int i = 0; i < 11; i++) {
            many.append("N;P;p").append(i).append("@example.org\n");
        }
        assertThatThrownBy(() -> MemberImportFile.read(many.toString().getBytes(StandardCharsets.UTF_8), null, 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.code() + ":" + v.arguments())
                        .containsExactly("file:member.import.too-many-rows:[11, 10]"));
    }

    @Test
    void a_declared_charset_is_used_when_there_is_no_byte_order_mark() {
        byte[] latin = "nom;prénom;email\nMartin;Zoé;z@example.org\n".getBytes(StandardCharsets.ISO_8859_1);
        MemberImportFile file = MemberImportFile.read(latin, StandardCharsets.ISO_8859_1, 10);
        assertThat(file.check().candidates().getFirst().profile().givenName()).isEqualTo("Zoé");
        assertFile("nom;prénom;email\nMartin;Zoé;z@example.org\n".getBytes(WINDOWS_1252),
                StandardCharsets.UTF_8, "file:member.import.encoding");
    }

    @Test
    void header_names_are_read_whatever_their_case_accents_and_punctuation() {
        for (String given : List.of("Prénom", "PRENOM", " prénom ", "First Name", "first_name", "FIRSTNAME")) {
            assertThat(MemberImportFile.Column.named(given)).as(given).isEqualTo(MemberImportFile.Column.GIVEN_NAME);
        }
        for (String email : List.of("E-mail", "Courriel", "Adresse e-mail", "EMAIL", "Adresse électronique")) {
            assertThat(MemberImportFile.Column.named(email)).as(email).isEqualTo(MemberImportFile.Column.EMAIL);
        }
        assertThat(MemberImportFile.Column.named("Code_Postal")).isEqualTo(MemberImportFile.Column.POSTAL_CODE);
        assertThat(MemberImportFile.Column.named("Complément d'adresse"))
                .isEqualTo(MemberImportFile.Column.ADDRESS_LINE2);
        assertThat(MemberImportFile.Column.named("Date d'adhésion")).isNull();
    }

    @Test
    void random_files_round_trip_through_quoting_seeded_loop() {
        Random random = new Random(1789);
        String alphabet = "abcdeéèàçôœ ;,\"'-";
        for (int run = 0; run < 200; run++) {
            char separator = random.nextBoolean() ? ';' : ',';
            List<String> companies = new ArrayList<>();
            StringBuilder csv = new StringBuilder("nom" + separator + "prénom" + separator + "email" + separator
                    + "société\r\n");
            int rows = 1 + random.nextInt(5);
            for (int r = 0; r < rows; r++) {
                StringBuilder company = new StringBuilder("S");
                for (int k = random.nextInt(12); k > 0; k--) {
                    company.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String value = company.toString().strip().replaceAll(" +", " ");
                companies.add(value);
                csv.append("Nom").append(separator).append("Prénom").append(separator).append("p").append(r)
                        .append("@example.org").append(separator)
                        .append('"').append(company.toString().replace("\"", "\"\"")).append('"').append("\r\n");
            }
            byte[] bytes = csv.toString().getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : WINDOWS_1252);
            MemberImportFile.Checked checked = read(bytes).check();
            assertThat(checked.errors()).as(csv.toString()).isEmpty();
            assertThat(checked.candidates()).extracting(c -> c.profile().company()).as(csv.toString())
                    .containsExactlyElementsOf(companies);
        }
    }

    @Test
    void progress_is_told_every_so_many_rows_and_at_the_end() {
        StringBuilder csv = new StringBuilder("nom;prénom;email\n");
        for (int i = 0; i < 25; i++) {
            csv.append("N;P;p").append(i).append("@example.org\n");
        }
        List<Integer> told = new ArrayList<>();
        read(csv.toString().getBytes(StandardCharsets.UTF_8)).check(told::add, 10);
        assertThat(told).containsExactly(10, 20, 25);
    }

    private static MemberImportFile read(byte[] content) {
        return MemberImportFile.read(content, null, 20_000);
    }

    private static String describe(MemberImportIssue issue) {
        return issue.line() + ":" + (issue.column() == null ? "-" : issue.column()) + ":" + issue.code();
    }

    private static void assertFile(String content, String... expected) {
        assertFile(content.getBytes(StandardCharsets.UTF_8), null, expected);
    }

    private static void assertFile(byte[] content, Charset declared, String... expected) {
        assertThatThrownBy(() -> MemberImportFile.read(content, declared, 100))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.code()).containsExactly(expected));
    }
}
