package fr.maillage.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.mail.MailDeliveryException;
import fr.maillage.application.mail.MailTemplates;
import fr.maillage.application.mail.OutgoingMail;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final fr.maillage.adapter.mail.MailTemplates templates = new fr.maillage.adapter.mail.MailTemplates();

    private static final Map<String, String> RECEIPT = Map.of("networkName", "Réseau <Baronnies>",
            "operatorName", "Atelier & Co", "offerName", "Carte 10 entrées", "invoiceNumber", "ATL-2026-000001",
            "amount", "120,00 €", "paidOn", "22/11/2026");

    @Test
    void a_receipt_is_rendered_in_french_with_values_escaped_in_html_only() {
        var rendered = templates.render(OutgoingMail.of("a@example.org", "Camille Martin", "fr",
                MailTemplates.PAYMENT_RECEIPT, RECEIPT, null));

        assertThat(rendered.subject()).isEqualTo("Votre reçu de paiement – facture ATL-2026-000001");
        assertThat(rendered.text()).startsWith("Bonjour Camille Martin,").contains("Atelier & Co")
                .contains("120,00 € le 22/11/2026").contains("Réseau <Baronnies>").doesNotContain("{{");
        assertThat(rendered.html()).contains("<html lang=\"fr\">").contains("Atelier &amp; Co")
                .contains("Réseau &lt;Baronnies&gt;").doesNotContain("Réseau <Baronnies>").doesNotContain("{{");
    }

    @Test
    void english_is_used_for_members_who_read_english_and_the_greeting_goes_without_a_name() {
        var rendered = templates.render(OutgoingMail.of("a@example.org", null, "en",
                MailTemplates.PAYMENT_RECEIPT, RECEIPT, null));

        assertThat(rendered.subject()).isEqualTo("Your payment receipt – invoice ATL-2026-000001");
        assertThat(rendered.text()).startsWith("Hello,");
        assertThat(rendered.html()).contains("<html lang=\"en\">");
    }

    @Test
    void every_template_uses_exactly_its_documented_values_in_both_languages() throws Exception {
        Map<String, java.util.List<String>> documented = Map.of(
                MailTemplates.PAYMENT_RECEIPT, MailTemplates.PAYMENT_RECEIPT_VALUES,
                MailTemplates.PAYMENT_FAILED, MailTemplates.PAYMENT_FAILED_VALUES);
        Pattern placeholder = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
        for (var template : documented.entrySet()) {
            for (String language : new String[] {"fr", "en"}) {
                for (String extension : new String[] {"txt", "html"}) {
                    String name = "mail/templates/" + template.getKey() + "." + language + "." + extension;
                    try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
                        assertThat(in).as(name).isNotNull();
                        Matcher m = placeholder.matcher(new String(in.readAllBytes(), "UTF-8"));
                        java.util.Set<String> used = new java.util.TreeSet<>();
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                        used.remove("greeting");
                        assertThat(used).as(name).containsExactlyInAnyOrderElementsOf(template.getValue());
                    }
                }
            }
        }
    }

    @Test
    void a_missing_value_or_an_unknown_template_fails_for_good() {
        Map<String, String> missing = new HashMap<>(RECEIPT);
        missing.remove("invoiceNumber");

        assertThatThrownBy(() -> templates.render(OutgoingMail.of("a@example.org", null, "fr",
                MailTemplates.PAYMENT_RECEIPT, missing, null)))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("invoiceNumber");
        assertThatThrownBy(() -> templates.render(OutgoingMail.of("a@example.org", null, "fr", "nothing",
                Map.of(), null)))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue());
        assertThatThrownBy(() -> templates.render(OutgoingMail.of("a@example.org", null, "fr", "../secret",
                Map.of(), null)))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void errors_lose_their_mail_addresses() {
        String cleaned = SmtpMailTransport.clean(new IllegalStateException(
                "550 5.1.1 <camille.martin@example.org>: Recipient address rejected for Camille@Example.ORG"));

        assertThat(cleaned).doesNotContain("camille").doesNotContain("Camille@").contains("<address>");
    }
}
