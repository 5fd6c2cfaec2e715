package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import fr.maillage.application.mail.AttachmentSource;
import fr.maillage.application.mail.port.in.RelayOutboxUseCase.RelayReport;
import fr.maillage.application.mail.port.out.OutboxRelayPort;
import fr.maillage.application.mail.relay.MailRelay;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import fr.maillage.domain.network.NetworkId;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The receipt of a payment, end to end: a manager records a payment at the desk through the API, the payment that
 * settles the sale's invoice writes the receipt to the outbox in its transaction, and the relay (the application's
 * outbox, transactions and attachment sources, sending to a real SMTP server: GreenMail) delivers it once, in French,
 * with the invoice's Factur-X PDF attached. A partial payment sends nothing; an erased member is mailed nothing.
 */
class PaymentMailsIT extends EndToEndTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    OutboxRelayPort relayPort;

    @Autowired
    LoadNetworkPort networks;

    @Autowired
    UnitOfWorkPort unitOfWork;

    /** The application's attachment sources (the invoices' PDFs among them). */
    @Autowired
    List<AttachmentSource> sources;

    private Mailbox smtp;

    record Shop(String slug, NetworkId network, Person animator, Person manager, String operator, String card) {
    }

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
    void the_payment_that_settles_an_invoice_mails_the_receipt_with_the_factur_x_pdf_once() throws Exception {
        Shop shop = shop("recu", "RECU");
        String email = "camille." + UUID.randomUUID() + "@example.org";
        String camille = member(shop, email, "Camille", "Martin");
        String membership = sell(shop, camille);
        MailRelay relay = relay();

        // 20 € of 50: the invoice is not settled, no receipt.
        assertThat(pay(shop, membership, "{\"method\": \"CHEQUE\", \"amountCents\": 2000, \"reference\": \"81\"}")
                .status()).isEqualTo(201);
        assertThat(relay.relayDue(shop.network(), later()).sent()).isZero();
        assertThat(smtp.receivedBy(email)).isEmpty();
        assertThat(outboxOf(shop, email)).isEmpty();

        // The remaining 30 €, received yesterday: settled, one receipt.
        LocalDate yesterday = LocalDate.now(PARIS).minusDays(1);
        assertThat(pay(shop, membership, "{\"method\": \"CASH\", \"amountCents\": 3000, \"receivedOn\": \""
                + yesterday + "\"}").status()).isEqualTo(201);
        RelayReport first = relay.relayDue(shop.network(), later());
        RelayReport second = relay.relayDue(shop.network(), later().plus(Duration.ofDays(1)));

        assertThat(first.sent()).isEqualTo(1);
        assertThat(second.sent()).as("the relay running again sends nothing more").isZero();
        List<MimeMessage> received = smtp.receivedBy(email);
        assertThat(received).hasSize(1);

        JsonNode invoice = invoiceOf(shop, camille);
        String number = invoice.get("number").asString();
        assertThat(number).matches("RECU-\\d{4}-000001");
        assertThat(invoice.get("settled").asBoolean()).isTrue();
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Votre reçu de paiement – facture " + number);
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@maillage.test");
        String text = text(mail);
        assertThat(text).contains("Bonjour Camille Martin,")
                .contains("Nous avons bien reçu votre paiement de 30,00\u00a0€ le " + FRENCH_DATE.format(yesterday)
                        + " pour « Carte 10 entrées » auprès de Opérateur RECU.")
                .contains("Vous trouverez la facture " + number + " en pièce jointe")
                .contains(networkName(shop));
        List<Part> parts = Mailbox.leaves(mail);
        Part html = parts.stream().filter(p -> Mailbox.contentType(p).startsWith("text/html")).findFirst()
                .orElseThrow();
        assertThat((String) html.getContent()).contains("lang=\"fr\"").contains(number);

        // The attachment is the invoice's Factur-X PDF, the very document the manager downloads.
        List<Part> pdfs = parts.stream().filter(p -> Mailbox.contentType(p).startsWith("application/pdf")).toList();
        assertThat(pdfs).hasSize(1);
        assertThat(Mailbox.fileName(pdfs.getFirst())).isEqualTo(number + ".pdf");
        byte[] attached = pdfs.getFirst().getInputStream().readAllBytes();
        assertThat(new String(attached, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        byte[] downloaded = download("/api/networks/" + shop.slug() + "/invoices/" + invoice.get("id").asString()
                + "/pdf", shop.manager().token());
        assertThat(attached).isEqualTo(downloaded);

        assertThat(outboxOf(shop, email)).containsExactly(Map.of("template_code", "payment-receipt",
                "language", "fr", "status", "SENT"));
    }

    @Test
    void a_member_who_reads_english_gets_the_receipt_in_english() throws Exception {
        Shop shop = shop("english", "ENG");
        String email = "sam." + UUID.randomUUID() + "@example.org";
        String sam = member(shop, email, "Sam", "Taylor");
        String path = "/api/networks/" + shop.slug() + "/members/" + sam;
        Api.Reply unknown = api.patch(path, "{\"language\": \"de\"}").token(shop.manager().token()).send();
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("member.language.unknown");
        Api.Reply english = api.patch(path, "{\"language\": \"EN\"}").token(shop.manager().token()).send();
        assertThat(english.status()).as(english.toString()).isEqualTo(200);
        assertThat(english.json().get("language").asString()).isEqualTo("en");

        String membership = sell(shop, sam);
        assertThat(pay(shop, membership, "{\"method\": \"CASH\", \"amountCents\": 5000}").status()).isEqualTo(201);
        assertThat(relay().relayDue(shop.network(), later()).sent()).isEqualTo(1);

        MimeMessage mail = smtp.receivedBy(email).getFirst();
        String number = invoiceOf(shop, sam).get("number").asString();
        assertThat(mail.getSubject()).isEqualTo("Your payment receipt – invoice " + number);
        assertThat(text(mail)).contains("We have received your payment of €50.00").contains("Opérateur ENG");
        assertThat(outboxOf(shop, email)).containsExactly(Map.of("template_code", "payment-receipt",
                "language", "en", "status", "SENT"));
    }

    @Test
    void a_member_erased_before_the_relay_runs_is_mailed_nothing() {
        Shop shop = shop("efface", "EFF");
        String email = "erased." + UUID.randomUUID() + "@example.org";
        String member = member(shop, email, "Dominique", "Roux");
        String membership = sell(shop, member);
        assertThat(pay(shop, membership, "{\"method\": \"CASH\", \"amountCents\": 5000}").status()).isEqualTo(201);
        assertThat(outboxOf(shop, email)).as("the receipt waits in the outbox").hasSize(1);

        Api.Reply erased = api.post("/api/networks/" + shop.slug() + "/members/" + member + "/erase",
                "{\"confirm\": true}").token(shop.animator().token()).send();
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        assertThat(relay().relayDue(shop.network(), later()).sent()).isZero();
        assertThat(smtp.receivedBy(email)).isEmpty();
        assertThat(outboxOf(shop, email)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    private MailRelay relay() {
        return smtp.relay(relayPort, networks, unitOfWork, sources, 8);
    }

    /** Later than any mail enqueued by the test: every mail is due. */
    private static Instant later() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private List<Map<String, Object>> outboxOf(Shop shop, String email) {
        return TenantSql.of(jdbc, shop.slug()).rows(
                "select template_code, language, status from outbox_mail where recipient_email = ?", email);
    }

    private String networkName(Shop shop) {
        return api.get("/api/networks/" + shop.slug()).token(shop.animator().token()).send().json().get("name")
                .asString();
    }

    private JsonNode invoiceOf(Shop shop, String member) {
        Api.Reply list = api.get("/api/networks/" + shop.slug() + "/invoices?member=" + member)
                .token(shop.manager().token()).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asLong()).isEqualTo(1);
        return list.json().get("items").get(0);
    }

    private byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String text(MimeMessage mail) throws Exception {
        return Mailbox.leaves(mail).stream().filter(p -> Mailbox.contentType(p).startsWith("text/plain"))
                .map(p -> {
                    try {
                        return (String) p.getContent();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseGet(() -> GreenMailUtil.getBody(mail));
    }

    private Shop shop(String prefix, String invoicePrefix) {
        CardShop shop = cardShop(newNetwork("mails-" + prefix), "Opérateur " + invoicePrefix, invoicePrefix, false);
        NetworkId network = new NetworkId(jdbc.queryForObject("select id from network where slug = ?", UUID.class,
                shop.slug()));
        return new Shop(shop.slug(), network, shop.animator(), shop.manager(), shop.operator(), shop.card());
    }

    private String member(Shop shop, String email, String givenName, String familyName) {
        return memberFile(shop.slug(), shop.manager(), email, givenName, familyName);
    }

    private String sell(Shop shop, String member) {
        return sellAtDesk(shop.slug(), shop.manager(), member, shop.card());
    }

    private Api.Reply pay(Shop shop, String membership, String json) {
        Api.Reply paid = api.post(MembershipsIT.memberships(shop.slug()) + "/" + membership + "/payments", json)
                .token(shop.manager().token()).send();
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return paid;
    }
}
