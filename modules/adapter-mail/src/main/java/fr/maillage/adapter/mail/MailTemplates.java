package fr.maillage.adapter.mail;

import fr.maillage.application.mail.MailDeliveryException;
import fr.maillage.application.mail.OutgoingMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail templates, resources of this module: {@code mail/templates/<code>.<language>.txt} (first line
 * {@code Subject: ...}, an empty line, then the plain-text body) and {@code mail/templates/<code>.<language>.html}
 * (the HTML body, put inside {@code mail/templates/layout.html}). French is the reference; the English files are
 * used when the mail's language is {@code en} (French when they are missing). Placeholders are {@code {{name}}};
 * every one must have a value (else the mail fails for good). Values are escaped in HTML. Besides the mail's values,
 * {@code greeting} is given ("Bonjour Camille Martin," / "Hello Camille Martin,", or without the name).
 */
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final String ROOT = "mail/templates/";

    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    /** A rendered mail. */
    public record Rendered(String subject, String text, String html) {
    }

    public Rendered render(OutgoingMail mail) {
        String code = mail.templateCode();
        if (!code.matches("[a-z0-9-]+")) {
            throw new MailDeliveryException("invalid template code", true);
        }
        String text = template(code, mail.language(), "txt")
                .orElseThrow(() -> new MailDeliveryException("no template " + code, true));
        String html = template(code, mail.language(), "html")
                .orElseThrow(() -> new MailDeliveryException("no HTML template " + code, true));
        String layout = resource("layout.html").orElseThrow(() -> new IllegalStateException("no mail layout"));
        Map<String, String> values = new HashMap<>(mail.values());
        values.putIfAbsent("greeting", greeting(mail));
        if (!text.startsWith("Subject:") || !text.contains("\n\n")) {
            throw new MailDeliveryException("template " + code + " has no subject line", true);
        }
        int end = text.indexOf("\n\n");
        String subject = fill(code, text.substring("Subject:".length(), end).strip(), values, v -> v);
        String body = fill(code, text.substring(end + 2), values, v -> v);
        String htmlBody = fill(code, html, values, MailTemplates::escape);
        String page = layout.replace("{{lang}}", mail.language()).replace("{{subject}}", escape(subject))
                .replace("{{body}}", htmlBody);
        return new Rendered(subject, body, page);
    }

    private static String greeting(OutgoingMail mail) {
        String name = mail.recipientName() == null ? "" : mail.recipientName().strip();
        String hello = "en".equals(mail.language()) ? "Hello" : "Bonjour";
        return name.isEmpty() ? hello + "," : hello + " " + name + ",";
    }

    private static String fill(String code, String template, Map<String, String> values,
            UnaryOperator<String> escape) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new MailDeliveryException("template " + code + " needs the value " + m.group(1), true);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("<br>");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private Optional<String> template(String code, String language, String extension) {
        Optional<String> found = resource(code + "." + language + "." + extension);
        return found.isPresent() ? found : resource(code + ".fr." + extension);
    }

    private Optional<String> resource(String name) {
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(ROOT + n)) {
                return in == null ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read mail template " + n, e);
            }
        });
    }
}
