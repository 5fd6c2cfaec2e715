package fr.maillage.bootstrap.it;

import static fr.maillage.bootstrap.it.Inspect.code;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.member.port.in.FailInterruptedImportsUseCase;
import fr.maillage.domain.network.NetworkRole;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Importing member lists end to end: French Excel files (Windows-1252, semicolons) and UTF-8 with a BOM, accents kept;
 * all or nothing (one bad row and no member is written, every bad row reported in French or English); rows already
 * members skipped; dry runs; progress of a larger file polled until done; the limits (413, 415, 400, rows); other
 * networks (404); an interrupted job failed by the sweep.
 */
class MemberImportIT extends EndToEndTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    FailInterruptedImportsUseCase sweep;

    @Test
    void a_french_excel_file_and_a_utf8_file_with_bom_import_every_member_with_their_accents() {
        String slug = newNetwork("import-ok");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        String excel = """
                Nom;Prénom;Courriel;Téléphone;Société;Adresse;Code postal;Ville;Newsletter;Date d'adhésion
                Lefèvre;Hélène;helene.lefevre@example.org;06 12 34 56 78;Les Tuves;Place de la Mairie;26170;Buis-les-Baronnies;oui;12/03/2021
                Müller;François;FRANCOIS.MULLER@example.org;;Fab’Lab Œuvre;;;;non;
                Ngô;Zoé;zoe.ngo@example.org;612345678;;Route de Gap;5700;Serres;;
                """.replace("\n", "\r\n");
        JsonNode started = start(slug, manager.token(), excel.getBytes(WINDOWS_1252), "text/csv", "");
        assertThat(started.get("status").asString()).isIn("QUEUED", "VALIDATING", "IMPORTING", "SUCCEEDED");
        assertThat(started.get("totalRows").asInt()).isEqualTo(3);
        assertThat(started.get("encoding").asString()).isEqualTo("windows-1252");
        assertThat(started.get("separator").asString()).isEqualTo(";");
        assertThat(started.get("ignoredColumns").values()).extracting(JsonNode::asString)
                .containsExactly("Date d'adhésion");
        JsonNode done = await(slug, started.get("id").asString(), manager.token());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("importedRows").asInt()).isEqualTo(3);
        assertThat(done.get("processedRows").asInt()).isEqualTo(3);
        assertThat(done.get("errors").values()).isEmpty();

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes("""
                email,given name,family name,company
                jose@example.org,José,Ibáñez,"Coop ""La Fabrique"", Nyons"
                """.getBytes(StandardCharsets.UTF_8));
        JsonNode second = await(slug, start(slug, manager.token(), bom.toByteArray(), "text/csv;charset=UTF-8", "")
                .get("id").asString(), manager.token());
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(second.get("separator").asString()).isEqualTo(",");

        JsonNode members = api.get("/api/networks/" + slug + "/members?size=100").token(manager.token()).send().json();
        assertThat(members.get("totalItems").asLong()).isEqualTo(4);
        JsonNode helene = member(members, "helene.lefevre@example.org");
        assertThat(helene.get("givenName").asString()).isEqualTo("Hélène");
        assertThat(helene.get("familyName").asString()).isEqualTo("Lefèvre");
        assertThat(helene.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(helene.get("company").asString()).isEqualTo("Les Tuves");
        assertThat(helene.get("address").get("town").asString()).isEqualTo("Buis-les-Baronnies");
        assertThat(helene.get("newsletter").asBoolean()).isTrue();
        assertThat(helene.get("source").asString()).isEqualTo("IMPORT");
        assertThat(helene.get("hasAccount").asBoolean()).isFalse();
        assertThat(helene.get("termsAcceptedAt").isNull()).isTrue();
        JsonNode francois = member(members, "francois.muller@example.org");
        assertThat(francois.get("familyName").asString()).isEqualTo("Müller");
        assertThat(francois.get("company").asString()).isEqualTo("Fab’Lab Œuvre");
        assertThat(francois.get("newsletter").asBoolean()).isFalse();
        JsonNode zoe = member(members, "zoe.ngo@example.org");
        assertThat(zoe.get("familyName").asString()).isEqualTo("Ngô");
        assertThat(zoe.get("phone").asString()).as("the leading zero Excel dropped").isEqualTo("+33612345678");
        assertThat(zoe.get("address").get("postalCode").asString()).isEqualTo("05700");
        assertThat(member(members, "jose@example.org").get("company").asString()).isEqualTo("Coop \"La Fabrique\", Nyons");

        List<JsonNode> imported = audit(slug).stream()
                .filter(e -> e.get("action").asString().equals("members.imported")).toList();
        assertThat(imported).hasSize(2);
        JsonNode first = imported.stream().filter(e -> e.get("target").asString().equals(done.get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(first.get("details").get("imported").asString()).isEqualTo("3");
        assertThat(first.get("actor").asString()).isEqualTo(manager.subject());
        assertThat(first.toString()).doesNotContain("helene", "Hélène");
    }

    @Test
    void the_person_of_an_imported_row_is_linked_when_they_join_with_that_email() {
        String slug = newNetwork("import-link");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        String email = "joins-" + UUID.randomUUID() + "@maillage.test";
        JsonNode done = await(slug, start(slug, manager.token(), ("nom;prénom;email;société\nRenard;Lou;" + email
                + ";Atelier\n").getBytes(StandardCharsets.UTF_8), "text/csv", "").get("id").asString(),
                manager.token());
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");

        KEYCLOAK.createUser(email, PASSWORD);
        Api.Reply joined = api.post("/api/networks/" + slug + "/join", JOIN)
                .token(KEYCLOAK.accessToken(email, PASSWORD)).send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        JsonNode mine = api.get("/api/networks/" + slug + "/me/member").token(KEYCLOAK.accessToken(email, PASSWORD))
                .send().json();
        assertThat(mine.get("source").asString()).isEqualTo("IMPORT");
        assertThat(mine.get("familyName").asString()).as("the imported profile is kept").isEqualTo("Renard");
        assertThat(mine.get("company").asString()).isEqualTo("Atelier");
        assertThat(mine.get("hasAccount").asBoolean()).isTrue();
        assertThat(mine.get("termsAcceptedAt").isNull()).isFalse();
    }

    @Test
    void one_bad_row_fails_the_import_with_every_error_in_french_and_english_and_no_member_is_written() {
        String slug = newNetwork("import-bad");
        Person animator = personIn(slug, NetworkRole.ANIMATOR);
        String csv = """
                nom;prénom;email;téléphone;newsletter
                Martin;Camille;camille@example.org;06 12 34 56 78;oui
                ;Jean;pas-une-adresse;12;peut-être
                Durand;Léa;CAMILLE@example.org;;
                Roux;Paul;paul@example.org;;non
                """;
        String id = start(slug, animator.token(), csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").get("id")
                .asString();
        JsonNode failed = await(slug, id, animator.token());
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").get("code").asString()).isEqualTo("member.import.rows-invalid");
        assertThat(failed.get("failure").get("message").asString()).contains("aucun membre n’a été importé");
        assertThat(failed.get("errorCount").asInt()).isEqualTo(5);
        assertThat(failed.get("importedRows").asInt()).isZero();
        assertThat(issues(failed.get("errors"))).containsExactly(
                "3:nom:familyName:field.required:Ce champ est obligatoire.",
                "3:email:email:email.invalid:Cette adresse électronique n’est pas valide.",
                "3:téléphone:phone:member.phone.format:Numéro de téléphone illisible : un numéro français "
                        + "(06 12 34 56 78) ou international (+41 22 123 45 67).",
                "3:newsletter:newsletter:member.import.newsletter.format:Écrivez « oui » ou « non » (ou laissez "
                        + "vide pour non).",
                "4:email:email:member.import.email.duplicate:Cette adresse électronique figure déjà à la ligne 2 "
                        + "du fichier.");

        JsonNode english = api.get(path(slug) + "/" + id).token(animator.token()).lang("en").send().json();
        assertThat(issues(english.get("errors"))).contains(
                "3:email:email:email.invalid:This email address is not valid.",
                "4:email:email:member.import.email.duplicate:This email address is already on line 2 of the file.");
        assertThat(english.get("failure").get("message").asString()).contains("no member was imported");

        assertThat(members(slug)).as("nothing written, not even the good rows").isZero();
        assertThat(audit(slug)).noneMatch(e -> e.get("action").asString().equals("members.imported"));

        Api.Reply french = api.get(path(slug) + "/" + id + "/errors.csv").token(animator.token()).send();
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.contentType()).startsWith("text/csv");
        assertThat(french.header("Content-Disposition")).contains("attachment");
        assertThat(french.body()).startsWith("\uFEFFligne;colonne;champ;type;code;message\r\n")
                .contains("4;email;email;erreur;member.import.email.duplicate;Cette adresse électronique figure "
                        + "déjà à la ligne 2 du fichier.");
        Api.Reply englishCsv = api.get(path(slug) + "/" + id + "/errors.csv").token(animator.token()).lang("en")
                .send();
        assertThat(englishCsv.body()).startsWith("\uFEFFline,column,field,kind,code,message\r\n")
                .contains("3,email,email,error,email.invalid,This email address is not valid.");
    }

    @Test
    void a_row_whose_email_is_already_a_members_is_skipped_and_reported_and_their_file_left_as_it_is() {
        String slug = newNetwork("import-skip");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        Api.Reply created = api.post("/api/networks/" + slug + "/members",
                "{\"email\":\"deja@example.org\",\"givenName\":\"Déjà\",\"familyName\":\"Là\"}")
                .token(manager.token()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String csv = "email;nom;prénom\nDEJA@example.org;Autre;Nom\nnouveau@example.org;Nouveau;Membre\n";
        JsonNode done = await(slug, start(slug, manager.token(), csv.getBytes(StandardCharsets.UTF_8), "text/plain",
                "").get("id").asString(), manager.token());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("importedRows").asInt()).isEqualTo(1);
        assertThat(done.get("skippedRows").asInt()).isEqualTo(1);
        assertThat(issues(done.get("skipped"))).containsExactly("2:email:email:member.import.already-member:Cette "
                + "adresse électronique est déjà celle d’un membre du réseau : la ligne est ignorée et sa fiche "
                + "laissée telle quelle.");
        JsonNode members = api.get("/api/networks/" + slug + "/members?size=100").token(manager.token()).send().json();
        assertThat(member(members, "deja@example.org").get("familyName").asString()).isEqualTo("Là");
        assertThat(member(members, "nouveau@example.org").get("source").asString()).isEqualTo("IMPORT");
    }

    @Test
    void a_dry_run_validates_and_writes_nothing() {
        String slug = newNetwork("import-dry");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        JsonNode good = await(slug, start(slug, manager.token(),
                "nom;prénom;email\nMartin;Camille;c@example.org\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                "?dryRun=true").get("id").asString(), manager.token());
        assertThat(good.get("status").asString()).as(good.toString()).isEqualTo("SUCCEEDED");
        assertThat(good.get("dryRun").asBoolean()).isTrue();
        assertThat(good.get("importedRows").asInt()).isZero();
        assertThat(good.get("processedRows").asInt()).isEqualTo(1);

        JsonNode bad = await(slug, start(slug, manager.token(),
                "nom;prénom;email\nMartin;;c@example.org\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                "?dryRun=true").get("id").asString(), manager.token());
        assertThat(bad.get("status").asString()).isEqualTo("FAILED");
        assertThat(issues(bad.get("errors"))).containsExactly("2:prénom:givenName:field.required:Ce champ est "
                + "obligatoire.");
        assertThat(members(slug)).isZero();
        assertThat(audit(slug)).noneMatch(e -> e.get("action").asString().equals("members.imported"));
    }

    @Test
    void a_larger_file_reports_its_progress_until_every_member_is_written() {
        String slug = newNetwork("import-big");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        int rows = 2_500;
        StringBuilder csv = new StringBuilder("nom;prénom;email;société;newsletter\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Dupré").append(i).append(";Gaëlle;gaelle.").append(i).append("@example.org;Coopérative ")
                    .append(i % 7).append(";").append(i % 2 == 0 ? "oui" : "non").append("\r\n");
        }
        byte[] body = csv.toString().getBytes(WINDOWS_1252);
        assertThat(body.length).as("well over the API's usual limit of 4 KiB in the tests").isGreaterThan(100_000);
        JsonNode started = start(slug, manager.token(), body, "text/csv", "");
        assertThat(started.get("totalRows").asInt()).isEqualTo(rows);
        String id = started.get("id").asString();

        List<String> statuses = List.of("QUEUED", "VALIDATING", "IMPORTING", "SUCCEEDED");
        List<JsonNode> seen = new ArrayList<>();
        JsonNode last = poll(slug, id, manager.token(), seen);
        assertThat(last.get("status").asString()).as(last.toString()).isEqualTo("SUCCEEDED");
        assertThat(last.get("importedRows").asInt()).isEqualTo(rows);
        assertThat(last.get("processedRows").asInt()).isEqualTo(rows);
        for (int i = 1; i < seen.size(); i++) {
            JsonNode before = seen.get(i - 1);
            JsonNode after = seen.get(i);
            int b = statuses.indexOf(before.get("status").asString());
            int a = statuses.indexOf(after.get("status").asString());
            assertThat(a).as("statuses move forward: %s then %s", before, after).isGreaterThanOrEqualTo(b);
            assertThat(after.get("totalRows").asInt()).isEqualTo(rows);
            assertThat(after.get("processedRows").asInt()).isBetween(0, rows);
            if (a == b) {
                assertThat(after.get("processedRows").asInt()).as("progress never goes back within a phase")
                        .isGreaterThanOrEqualTo(before.get("processedRows").asInt());
            }
        }
        assertThat(members(slug)).isEqualTo(rows);
        assertThat(TenantSql.of(jdbc, slug).count("select count(*) from member where source = 'IMPORT' "
                + "and family_name = 'Dupré2499' and given_name = 'Gaëlle'")).isEqualTo(1);
    }

    @Test
    void the_import_path_alone_takes_large_bodies_up_to_its_own_limit() {
        String slug = newNetwork("import-limits");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        StringBuilder big = new StringBuilder("nom;prénom;email\n");
        while (big.length() <= 270_000) {
            big.append("Martin;Camille;camille.").append(big.length()).append("@example.org\n");
        }
        Api.Reply announced = post(slug, manager.token(), big.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv", "");
        assertThat(announced.status()).as(announced.toString()).isEqualTo(413);
        assertThat(announced.contentType()).startsWith("application/problem+json");
        assertThat(code(announced)).isEqualTo("request.too-large");
        assertThat(announced.json().get("detail").asString()).contains("262\u202f144");
        Api.Reply chunked = api.post(path(slug), null).token(manager.token()).header("Content-Type", "text/csv")
                .send(chunked(big.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        assertThat(code(chunked)).isEqualTo("request.too-large");

        // Another endpoint keeps the API's limit (4 KiB in the tests), and so does a look-alike path.
        String padding = "x".repeat(5_000);
        Api.Reply member = api.post("/api/networks/" + slug + "/members", "{\"email\":\"a@example.org\","
                + "\"givenName\":\"" + padding + "\",\"familyName\":\"B\"}").token(manager.token()).send();
        assertThat(member.status()).isEqualTo(413);
        Api.Reply lookAlike = api.post("/api/networks/" + slug + "/member-imports/x", null)
                .token(manager.token()).header("Content-Type", "text/csv")
                .send(HttpRequest.BodyPublishers.ofString(padding));
        assertThat(lookAlike.status()).isEqualTo(413);

        StringBuilder tooMany = new StringBuilder("nom;prénom;email\n");
        for (int i = 0; i <= 3_000; i++) {
            tooMany.append("N;P;p").append(i).append("@e.fr\n");
        }
        Api.Reply rows = post(slug, manager.token(), tooMany.toString().getBytes(StandardCharsets.UTF_8), "text/csv",
                "");
        assertThat(rows.status()).as(rows.toString()).isEqualTo(400);
        assertThat(fields(rows)).containsExactly("file:member.import.too-many-rows");

        for (String type : List.of("application/json", "multipart/form-data; boundary=x",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            Api.Reply wrong = post(slug, manager.token(), "nom;prénom;email\n".getBytes(StandardCharsets.UTF_8), type,
                    "");
            assertThat(wrong.status()).as(type + ": " + wrong).isEqualTo(415);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
            assertThat(code(wrong)).isEqualTo("request.media-type-unsupported");
        }

        Api.Reply missing = post(slug, manager.token(), "Nom;Téléphone\nMartin;06\n".getBytes(StandardCharsets.UTF_8),
                "text/csv", "");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("columns:member.import.column.missing.email",
                "columns:member.import.column.missing.givenName");
        Api.Reply xlsx = post(slug, manager.token(), new byte[] {'P', 'K', 3, 4, 0, 0, 1}, "text/csv", "");
        assertThat(fields(xlsx)).containsExactly("file:member.import.not-text");
        Api.Reply empty = post(slug, manager.token(), new byte[0], "text/csv", "");
        assertThat(fields(empty)).containsExactly("file:member.import.empty");
        assertThat(TenantSql.of(jdbc, slug).count("select count(*) from member_import")).as("no job for those")
                .isZero();
    }

    @Test
    void other_networks_and_other_roles_see_nothing() {
        String a = newNetwork("import-a");
        String b = newNetwork("import-b");
        Person managerA = personIn(a, NetworkRole.MANAGER);
        Person animatorB = personIn(b, NetworkRole.ANIMATOR);
        Person memberA = personIn(a, NetworkRole.MEMBER);
        byte[] csv = "nom;prénom;email\nMartin;Camille;c@example.org\n".getBytes(StandardCharsets.UTF_8);
        String idB = start(b, animatorB.token(), csv, "text/csv", "").get("id").asString();
        await(b, idB, animatorB.token());

        for (Api.Reply reply : List.of(post(b, managerA.token(), csv, "text/csv", ""),
                api.get(path(b) + "/" + idB).token(managerA.token()).send(),
                api.get(path(b) + "/" + idB + "/errors.csv").token(managerA.token()).send())) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("network.not-found");
        }
        for (Api.Reply reply : List.of(api.get(path(a) + "/" + idB).token(managerA.token()).send(),
                api.get(path(a) + "/" + UUID.randomUUID()).token(managerA.token()).send(),
                api.get(path(a) + "/pas-un-id").token(managerA.token()).send())) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(code(reply)).isEqualTo("member.import.not-found");
        }
        Api.Reply member = post(a, memberA.token(), csv, "text/csv", "");
        assertThat(member.status()).isEqualTo(403);
        assertThat(members(a)).as("the member invited, nobody else").isEqualTo(1);
        assertThat(TenantSql.of(jdbc, a).count("select count(*) from member_import")).isZero();
    }

    @Test
    void an_import_whose_worker_stopped_is_failed_when_read_or_swept_and_wrote_no_member() {
        String slug = newNetwork("import-crash");
        Person manager = personIn(slug, NetworkRole.MANAGER);
        TenantSql sql = TenantSql.of(jdbc, slug);
        OffsetDateTime hourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        UUID read = UUID.randomUUID();
        UUID swept = UUID.randomUUID();
        for (UUID id : List.of(read, swept)) {
            sql.update("""
                    insert into member_import (network_id, id, status, dry_run, total_rows, processed_rows, encoding,
                        separator, requested_by, created_at, heartbeat_at)
                    values (?, ?, 'IMPORTING', false, 10, 5, 'UTF-8', ';', ?, ?, ?)""", sql.network(), id,
                    manager.subject(), hourAgo, hourAgo);
        }
        JsonNode failed = api.get(path(slug) + "/" + read).token(manager.token()).send().json();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").get("code").asString()).isEqualTo("member.import.interrupted");
        assertThat(failed.get("finishedAt").isNull()).isFalse();

        assertThat(sweep.failInterruptedImports()).isGreaterThanOrEqualTo(1);
        Map<String, Object> row = sql.rows("select status, failure from member_import where id = ?", swept)
                .getFirst();
        assertThat(row).containsEntry("status", "FAILED").containsEntry("failure", "member.import.interrupted");
        assertThat(members(slug)).isZero();

        // A running job is not swept: its heartbeat is fresh.
        JsonNode running = start(slug, manager.token(), "nom;prénom;email\nA;B;ab@example.org\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv", "");
        sweep.failInterruptedImports();
        assertThat(await(slug, running.get("id").asString(), manager.token()).get("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String path(String slug) {
        return "/api/networks/" + slug + "/member-imports";
    }

    private Api.Reply post(String slug, String token, byte[] body, String contentType, String query) {
        return api.post(path(slug) + query, null).token(token).header("Content-Type", contentType)
                .send(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private JsonNode start(String slug, String token, byte[] body, String contentType, String query) {
        Api.Reply reply = post(slug, token, body, contentType, query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.header("Location")).isEqualTo(path(slug) + "/" + reply.json().get("id").asString());
        return reply.json();
    }

    /** Polls the job until it is finished (a minute at most: a guard against hanging, not a timing assertion). */
    private JsonNode await(String slug, String id, String token) {
        return poll(slug, id, token, new ArrayList<>());
    }

    private JsonNode poll(String slug, String id, String token, List<JsonNode> seen) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            Api.Reply reply = api.get(path(slug) + "/" + id).token(token).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode job = reply.json();
            seen.add(job);
            if (job.get("status").asString().equals("SUCCEEDED") || job.get("status").asString().equals("FAILED")) {
                return job;
            }
            assertThat(Instant.now()).as("the import is still running: " + job).isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long members(String slug) {
        return TenantSql.of(jdbc, slug).count("select count(*) from member");
    }

    private List<JsonNode> audit(String slug) {
        Api.Reply reply = api.get("/api/networks/" + slug + "/audit?size=100").token(platformAdmin()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return List.copyOf(reply.json().get("items").values());
    }

    private static JsonNode member(JsonNode page, String email) {
        return page.get("items").values().stream().filter(m -> m.get("email").asString().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + email + " in " + page));
    }

    private static List<String> issues(JsonNode issues) {
        return issues.values().stream().map(i -> i.get("line").asInt() + ":" + i.get("column").asString() + ":"
                + i.get("field").asString() + ":" + i.get("code").asString() + ":" + i.get("message").asString())
                .toList();
    }

    private static List<String> fields(Api.Reply reply) {
        return reply.json().path("errors").values().stream()
                .map(e -> e.get("field").asString() + ":" + e.get("code").asString()).toList();
    }

    /** A body without Content-Length (chunked transfer). */
    static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                whole.subscribe(subscriber);
            }
        };
    }
}
