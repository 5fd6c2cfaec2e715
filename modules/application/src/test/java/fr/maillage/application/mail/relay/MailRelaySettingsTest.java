package fr.maillage.application.mail.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.application.mail.OutgoingMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailRelaySettingsTest {

    @Test
    void the_backoff_doubles_from_the_first_retry_up_to_the_maximum() {
        MailRelay.Settings settings = new MailRelay.Settings(8, Duration.ofMinutes(1), Duration.ofHours(6), 10);

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.backoff(8)).isEqualTo(Duration.ofMinutes(128));
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(settings.backoff(10)).isEqualTo(Duration.ofHours(6));
        assertThat(settings.backoff(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void the_backoff_never_decreases_and_never_exceeds_the_maximum() {
        java.util.Random random = new java.util.Random(6);
        for (int run = 0; run < 200; run++) {
            Duration first = Duration.ofSeconds(1 + random.nextInt(600));
            Duration max = first.multipliedBy(1 + random.nextInt(1000));
            MailRelay.Settings settings = new MailRelay.Settings(1 + random.nextInt(20), first, max, 1);
            Duration previous = Duration.ZERO;
            for (int attempts = 1; attempts < 80; attempts++) {
                Duration delay = settings.backoff(attempts);
                assertThat(delay).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(max)
                        .isGreaterThanOrEqualTo(first);
                previous = delay;
            }
        }
    }

    @Test
    void settings_that_make_no_sense_are_refused() {
        assertThatThrownBy(() -> new MailRelay.Settings(0, Duration.ofMinutes(1), Duration.ofHours(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailRelay.Settings(3, Duration.ofHours(2), Duration.ofHours(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_outgoing_mail_is_french_unless_english_and_refuses_what_is_not_an_address() {
        assertThat(OutgoingMail.of("a@example.org", null, "EN", "t", Map.of(), null).language()).isEqualTo("en");
        assertThat(OutgoingMail.of("a@example.org", null, "de", "t", Map.of(), null).language()).isEqualTo("fr");
        assertThat(new OutgoingMail("a@example.org", null, null, "t", Map.of(), List.of(), null).language())
                .isEqualTo("fr");
        assertThatThrownBy(() -> OutgoingMail.of("not-an-address", null, "fr", "t", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingMail.of("a@example.org", null, "fr", "t", Map.of(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
