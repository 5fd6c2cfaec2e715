package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import fr.maillage.application.mail.AttachmentRef;
import fr.maillage.application.mail.AttachmentSource;
import fr.maillage.application.mail.relay.MailRelay;
import fr.maillage.application.mail.MailTemplates;
import fr.maillage.application.mail.OutgoingMail;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase.RelayReport;
import fr.maillage.application.mail.port.out.OutboxPort;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.NetworkId;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The transactional outbox against a real SMTP server in the test (GreenMail) and the real PostgreSQL: a mail is
 * sent only if its business transaction commits, once, with its attachment; relays racing over the same outbox send
 * each mail once; an SMTP server that is down delays mails (backoff) without losing them; a deduplication key
 * refuses a second mail. The relays are built here, as two app instances would build them, on the application's own
 * outbox and transactions; the scheduled relay of the application is off in the tests.
 */
class OutboxIT extends EndToEndTest {

    /** The relays' "now": later than any mail this test enqueues (mails are due when enqueued). */
    private final Instant T0 = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @Autowired
    OutboxPort outbox;

    @Autowired
    OutboxRelayPort relayPort;

    @Autowired
    UnitOfWorkPort unitOfWork;

    @Autowired
    LoadNetworkPort networks;

    private Mailbox smtp;

    @BeforeEach
    void startSmtp() {
        smtp = Mailbox.open();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void a_mail_enqueued_in_a_committed_transaction_is_sent_once_with_its_attachment() throws Exception {
        NetworkId network = network("mail-ok");
        UUID invoice = UUID.randomUUID();
        String to = "camille-" + UUID.randomUUID() + "@example.org";
        inTenant(network, () -> outbox.enqueue(new OutgoingMail(to, "Camille Martin", "fr",
                MailTemplates.PAYMENT_RECEIPT, receiptValues(), List.of(new AttachmentRef("test-pdf", invoice)),
                "receipt-" + invoice)));

        MailRelay relay = relay();
        RelayReport first = relay.relayDue(network, T0);
        RelayReport second = relay.relayDue(network, T0.plus(Duration.ofDays(1)));

        assertThat(first.sent()).isEqualTo(1);
        assertThat(second.sent()).isZero();
        List<MimeMessage> received = receivedBy(to);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Votre reçu de paiement – facture MAI-2026-000042");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@maillage.test");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Bonjour Camille Martin,");
        List<Part> parts = leaves(mail);
        assertThat(parts).extracting(p -> p.getContentType().split(";")[0].toLowerCase())
                .contains("text/plain", "text/html", "application/pdf");
        Part pdf = parts.stream().filter(p -> "invoice-MAI-2026-000042.pdf".equals(fileName(p))).findFirst()
                .orElseThrow();
        // The attachment source ran in the tenant transaction of the mail's network.
        assertThat(new String(pdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("%PDF-test " + invoice + " in " + network.value());
        Part html = parts.stream().filter(p -> contentType(p).startsWith("text/html")).findFirst().orElseThrow();
        assertThat((String) html.getContent()).contains("lang=\"fr\"").contains("Atelier &amp; Co");
        assertThat(status(network, to)).isEqualTo("SENT");
    }

    @Test
    void a_member_who_reads_english_gets_the_english_template() throws Exception {
        NetworkId network = network("mail-en");
        String to = "alex-" + UUID.randomUUID() + "@example.org";
        inTenant(network, () -> outbox.enqueue(OutgoingMail.of(to, null, "en", MailTemplates.PAYMENT_FAILED,
                Map.of("networkName", "Réseau", "operatorName", "Atelier", "offerName", "Carte 10 entrées",
                        "amount", "120,00 €", "failedOn", "22/11/2026"),
                null)));

        assertThat(relay().relayDue(network, T0).sent()).isEqualTo(1);

        MimeMessage mail = receivedBy(to).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your payment did not go through – Carte 10 entrées");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello,");
    }

    @Test
    void a_mail_enqueued_in_a_rolled_back_transaction_is_never_sent() {
        NetworkId network = network("mail-rollback");
        String to = "rolled-back-" + UUID.randomUUID() + "@example.org";

        assertThatThrownBy(() -> unitOfWork.inTenant(network, () -> {
            outbox.enqueue(OutgoingMail.of(to, null, "fr", MailTemplates.PAYMENT_FAILED, failedValues(), null));
            throw new IllegalStateException("the business transaction fails after enqueueing");
        })).isInstanceOf(IllegalStateException.class);
        RelayReport report = relay().relayDue(network, T0.plus(Duration.ofDays(1)));

        assertThat(report.sent()).isZero();
        assertThat(outboxRows(network)).isZero();
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void the_same_deduplication_key_is_enqueued_once() {
        NetworkId network = network("mail-dedup");
        String to = "dedup-" + UUID.randomUUID() + "@example.org";
        OutgoingMail mail = OutgoingMail.of(to, null, "fr", MailTemplates.PAYMENT_FAILED, failedValues(),
                "payment-failed-evt_1");

        inTenant(network, () -> outbox.enqueue(mail));
        inTenant(network, () -> outbox.enqueue(mail));
        inTenant(network, () -> {
            outbox.enqueue(mail);
            outbox.enqueue(mail);
        });
        relay().relayDue(network, T0);

        assertThat(outboxRows(network)).isEqualTo(1);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void two_relays_racing_over_200_mails_send_each_exactly_once() throws Exception {
        NetworkId network = network("mail-race");
        String domain = "race-" + UUID.randomUUID() + ".example.org";
        inTenant(network, () -> {
            for (int i = 0; i < 200; i++) {
                outbox.enqueue(OutgoingMail.of("member-" + i + "@" + domain, "Membre " + i, i % 2 == 0 ? "fr" : "en",
                        MailTemplates.PAYMENT_FAILED, failedValues(), "race-" + i));
            }
        });
        // Two app instances: two relays, each with its own SMTP connection, on the same database.
        MailRelay one = relay();
        MailRelay two = relay();
        List<Callable<RelayReport>> runs = new ArrayList<>();
        for (MailRelay relay : List.of(one, two, one, two)) {
            runs.add(() -> relay.relayDue(network, T0));
        }

        List<RelayReport> reports = concurrently(runs);

        assertThat(reports.stream().mapToInt(RelayReport::sent).sum()).isEqualTo(200);
        List<MimeMessage> received = receivedAt(domain);
        assertThat(received).hasSize(200);
        Set<String> recipients = new HashSet<>();
        for (MimeMessage m : received) {
            recipients.add(recipient(m));
        }
        assertThat(recipients).hasSize(200);
        assertThat(countByStatus(network)).containsEntry("SENT", 200L).containsEntry("PENDING", 0L);
    }

    @Test
    void a_mail_server_that_is_down_delays_the_mail_with_backoff_until_it_comes_back() throws Exception {
        NetworkId network = network("mail-down");
        String to = "patient-" + UUID.randomUUID() + "@example.org";
        inTenant(network, () -> outbox.enqueue(
                OutgoingMail.of(to, null, "fr", MailTemplates.PAYMENT_FAILED, failedValues(), null)));
        MailRelay relay = relay();
        smtp.stop();

        RelayReport down = relay.relayDue(network, T0);
        RelayReport tooEarly = relay.relayDue(network, T0.plusSeconds(59));
        RelayReport stillDown = relay.relayDue(network, T0.plusSeconds(60));

        assertThat(down.retried()).isEqualTo(1);
        assertThat(tooEarly.retried() + tooEarly.sent()).isZero();
        assertThat(stillDown.retried()).isEqualTo(1);
        OutboxRelayPort.MailProblem problem = problems(network).getFirst();
        assertThat(problem.attempts()).isEqualTo(2);
        assertThat(problem.status()).isEqualTo("PENDING");
        // Exponential: one minute after the first failure, two after the second.
        assertThat(problem.nextAttemptAt()).isEqualTo(T0.plusSeconds(60 + 120));
        assertThat(problem.lastError()).isNotBlank().doesNotContain(to).doesNotContain("@example.org");

        smtp.restart();
        RelayReport beforeItsTime = relay.relayDue(network, T0.plusSeconds(179));
        RelayReport back = relay.relayDue(network, T0.plusSeconds(180));

        assertThat(beforeItsTime.sent()).isZero();
        assertThat(back.sent()).isEqualTo(1);
        assertThat(receivedBy(to)).hasSize(1);
        assertThat(status(network, to)).isEqualTo("SENT");
    }

    @Test
    void a_mail_that_keeps_failing_is_failed_after_the_last_attempt_and_can_be_retried() throws Exception {
        NetworkId network = network("mail-failed");
        String to = "unlucky-" + UUID.randomUUID() + "@example.org";
        inTenant(network, () -> outbox.enqueue(
                OutgoingMail.of(to, null, "fr", MailTemplates.PAYMENT_FAILED, failedValues(), null)));
        MailRelay relay = relay(3);
        smtp.stop();

        Instant now = T0;
        for (int attempt = 0; attempt < 3; attempt++) {
            relay.relayDue(network, now);
            now = now.plus(Duration.ofDays(1));
        }
        assertThat(status(network, to)).isEqualTo("FAILED");
        assertThat(relay.relayDue(network, now.plus(Duration.ofDays(30))).sent()).isZero();

        smtp.restart();
        int retried = unitOfWork.inTenant(network, () -> relayPort.retryFailed(T0));
        assertThat(retried).isEqualTo(1);
        assertThat(relay.relayDue(network, now).sent()).isEqualTo(1);
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void a_mail_with_an_unknown_template_fails_at_once() {
        NetworkId network = network("mail-unknown");
        String to = "nobody-" + UUID.randomUUID() + "@example.org";
        inTenant(network, () -> outbox.enqueue(OutgoingMail.of(to, null, "fr", "no-such-template", Map.of(), null)));

        RelayReport report = relay().relayDue(network, T0);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(status(network, to)).isEqualTo("FAILED");
        assertThat(problems(network).getFirst().lastError()).contains("no template no-such-template");
    }

    @Test
    void the_outbox_is_written_only_in_a_tenant_transaction_and_each_network_sees_its_own() {
        NetworkId mine = network("mail-mine");
        NetworkId other = network("mail-other");
        inTenant(mine, () -> outbox.enqueue(
                OutgoingMail.of("x-" + UUID.randomUUID() + "@example.org", null, "fr", MailTemplates.PAYMENT_FAILED,
                        failedValues(), null)));

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            outbox.enqueue(OutgoingMail.of("y@example.org", null, "fr", "payment-failed", Map.of(), null));
            return true;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(countByStatus(mine)).containsEntry("PENDING", 1L);
        assertThat(countByStatus(other)).containsEntry("PENDING", 0L);
        // A relay serving the other network sends nothing of mine.
        assertThat(relay().relayDue(other, T0).sent()).isZero();
        assertThat(countByStatus(mine)).containsEntry("PENDING", 1L);
    }

    @Test
    void animators_see_the_state_of_their_outbox_without_personal_data_and_retry_the_failed_mails() {
        String slug = newNetwork("mail-ops");
        NetworkId network = new NetworkId(jdbc.queryForObject("select id from network where slug = ?", UUID.class,
                slug));
        String to = "private-" + UUID.randomUUID() + "@example.org";
        inTenant(network, () -> outbox.enqueue(OutgoingMail.of(to, "Secret Name", "fr", "no-such-template",
                Map.of("amount", "999,99 €"), null)));
        relay().relayDue(network, T0);
        Person animator = personIn(slug, fr.maillage.domain.network.NetworkRole.ANIMATOR);

        Api.Reply state = api.get("/api/networks/" + slug + "/outbox").token(animator.token()).send();

        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().get("counts").get("FAILED").asLong()).isEqualTo(1);
        assertThat(state.json().get("counts").get("PENDING").asLong()).isZero();
        assertThat(state.json().get("problems").get(0).get("template").asString()).isEqualTo("no-such-template");
        assertThat(state.json().get("problems").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(state.toString()).doesNotContain(to).doesNotContain("Secret Name").doesNotContain("999,99");

        Api.Reply retried = api.post("/api/networks/" + slug + "/outbox/retry-failed", null)
                .token(animator.token()).send();

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("retried").asInt()).isEqualTo(1);
        assertThat(countByStatus(network)).containsEntry("PENDING", 1L).containsEntry("FAILED", 0L);
    }

    @Test
    void a_member_s_mails_are_in_their_export_and_deleted_with_them() {
        String slug = newNetwork("mail-gdpr");
        NetworkId network = new NetworkId(jdbc.queryForObject("select id from network where slug = ?", UUID.class,
                slug));
        String email = "erase-me-" + UUID.randomUUID() + "@example.org";
        Api.Reply member = api.post("/api/networks/" + slug + "/members",
                "{\"email\":\"" + email + "\",\"givenName\":\"Camille\",\"familyName\":\"Martin\"}")
                .token(platformAdmin()).send();
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String memberId = member.json().get("id").asString();
        inTenant(network, () -> outbox.enqueue(OutgoingMail.of(email, "Camille Martin", "fr",
                MailTemplates.PAYMENT_FAILED, failedValues(), null)));

        Api.Reply export = api.get("/api/networks/" + slug + "/members/" + memberId + "/export")
                .token(platformAdmin()).send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.json().get("sections").get("mails").get(0).get("templateCode").asString())
                .isEqualTo(MailTemplates.PAYMENT_FAILED);

        Api.Reply erased = api.post("/api/networks/" + slug + "/members/" + memberId + "/erase",
                "{\"confirm\": true}").token(platformAdmin()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(outboxRows(network)).isZero();
        assertThat(relay().relayDue(network, T0).sent()).isZero();
        assertThat(receivedBy(email)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private MailRelay relay() {
        return relay(8);
    }

    private MailRelay relay(int maxAttempts) {
        return smtp.relay(relayPort, networks, unitOfWork, List.of(new TestPdfSource()), maxAttempts);
    }

    /** The files of kind {@code test-pdf}: their content names the tenant of the transaction that reads them. */
    private final class TestPdfSource implements AttachmentSource {

        @Override
        public String kind() {
            return "test-pdf";
        }

        @Override
        public Optional<Attachment> fetch(UUID id) {
            String tenant = jdbc.queryForObject("select current_setting('app.tenant', true)", String.class);
            return Optional.of(new Attachment(("%PDF-test " + id + " in " + tenant).getBytes(StandardCharsets.UTF_8),
                    "invoice-MAI-2026-000042.pdf", "application/pdf"));
        }
    }

    private NetworkId network(String prefix) {
        String slug = newNetwork(prefix);
        return new NetworkId(jdbc.queryForObject("select id from network where slug = ?", UUID.class, slug));
    }

    private void inTenant(NetworkId network, Runnable work) {
        unitOfWork.inTenant(network, () -> {
            work.run();
            return true;
        });
    }

    private List<MimeMessage> receivedBy(String address) {
        return smtp.receivedBy(address);
    }

    private List<MimeMessage> receivedAt(String domain) {
        return smtp.receivedAt(domain);
    }

    private static String recipient(MimeMessage m) {
        return Mailbox.recipient(m);
    }

    private static List<Part> leaves(Part part) throws Exception {
        return Mailbox.leaves(part);
    }

    private static String fileName(Part p) {
        return Mailbox.fileName(p);
    }

    private static String contentType(Part p) {
        return Mailbox.contentType(p);
    }

    private Map<String, Long> countByStatus(NetworkId network) {
        return unitOfWork.readOnlyInTenant(network, relayPort::countByStatus);
    }

    private List<OutboxRelayPort.MailProblem> problems(NetworkId network) {
        return unitOfWork.readOnlyInTenant(network, () -> relayPort.lastProblems(10));
    }

    private long outboxRows(NetworkId network) {
        return countByStatus(network).values().stream().mapToLong(Long::longValue).sum();
    }

    private String status(NetworkId network, String to) {
        return unitOfWork.readOnlyInTenant(network, () -> jdbc.queryForObject(
                "select status from outbox_mail where recipient_email = ?", String.class, to));
    }

    private static Map<String, String> receiptValues() {
        return Map.of("networkName", "Réseau des tiers-lieux", "operatorName", "Atelier & Co",
                "offerName", "Carte 10 entrées", "invoiceNumber", "MAI-2026-000042", "amount", "120,00 €",
                "paidOn", "22/11/2026");
    }

    private static Map<String, String> failedValues() {
        return Map.of("networkName", "Réseau", "operatorName", "Atelier", "offerName", "Carte 10 entrées",
                "amount", "120,00 €", "failedOn", "22/11/2026");
    }
}
