package fr.maillage.adapter.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every message of both languages, formatted the way {@link Problems} formats it: the same keys in French and English,
 * and no argument or apostrophe lost to {@link java.text.MessageFormat} quoting (a lone {@code '} before a placeholder
 * swallows it).
 */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)(,number,0\\.00)?}");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        assertThat(new TreeSet<>(load("messages_en.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(load("messages.properties").stringPropertyNames()));
    }

    @Test
    void every_message_keeps_its_arguments_and_apostrophes() throws IOException {
        ResourceBundleMessageSource source = source();
        List<String> broken = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Locale locale = file.contains("_en") ? Locale.ENGLISH : Locale.FRENCH;
            Properties raw = load(file);
            for (String key : new TreeSet<>(raw.stringPropertyNames())) {
                String text = raw.getProperty(key);
                Matcher m = PLACEHOLDER.matcher(text);
                int count = 0;
                StringBuilder expected = new StringBuilder();
                while (m.find()) {
                    int index = Integer.parseInt(m.group(1));
                    count = Math.max(count, index + 1);
                    m.appendReplacement(expected, Matcher.quoteReplacement(m.group(2) == null ? "«" + index + "»"
                            : locale == Locale.ENGLISH ? "1.50" : "1,50"));
                }
                m.appendTail(expected);
                Object[] arguments = new Object[count];
                for (int i = 0; i < count; i++) {
                    arguments[i] = text.contains("{" + i + ",number") ? (Object) 1.5 : "«" + i + "»";
                }
                String formatted = source.getMessage(key, arguments, locale);
                // Without arguments Spring returns the text as it is; with arguments MessageFormat unquotes ''.
                String wanted = count == 0 ? text : expected.toString().replace("''", "'");
                if (!formatted.equals(wanted)) {
                    broken.add(file + " " + key + ": " + formatted);
                }
                if (formatted.contains("{") || formatted.contains("}")) {
                    broken.add(file + " " + key + " keeps a brace: " + formatted);
                }
            }
        }
        assertThat(broken).isEmpty();
    }
}
