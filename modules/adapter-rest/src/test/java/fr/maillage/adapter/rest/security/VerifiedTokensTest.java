package fr.maillage.adapter.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Decodes "ok-*" tokens valid five minutes from T0, refuses others; records what it was asked. */
    private static final class Issuer implements JwtDecoder {
        final List<String> asked = new ArrayList<>();

        @Override
        public Jwt decode(String token) {
            asked.add(token);
            if (!token.startsWith("ok-")) {
                throw new BadJwtException("refused: " + token);
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(3)).issuedAt(T0)
                    .expiresAt(T0.plus(Duration.ofMinutes(5))).build();
        }
    }

    private final MovingClock clock = new MovingClock();
    private final Issuer issuer = new Issuer();
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, Duration.ofSeconds(60), clock);

    @Test
    void a_token_already_verified_is_not_verified_again_until_it_expires() {
        Jwt first = tokens.decode("ok-alice");
        clock.now = T0.plus(Duration.ofMinutes(4));
        Jwt again = tokens.decode("ok-alice");

        assertThat(again).isSameAs(first);
        assertThat(issuer.asked).containsExactly("ok-alice");

        clock.now = T0.plus(Duration.ofMinutes(6)).plusSeconds(1);
        tokens.decode("ok-alice");
        assertThat(issuer.asked).as("past exp + skew, the issuer's decoder decides again")
                .containsExactly("ok-alice", "ok-alice");
    }

    @Test
    void refused_tokens_are_never_kept_and_tokens_are_told_apart() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(tokens.decode("ok-bob").getSubject()).isEqualTo("bob");
        assertThat(tokens.decode("ok-carol").getSubject()).isEqualTo("carol");

        assertThat(issuer.asked).containsExactly("forged", "forged", "ok-bob", "ok-carol");
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void beyond_the_limit_the_set_starts_again() {
        for (int i = 0; i < VerifiedTokens.MAX; i++) {
            tokens.decode("ok-" + i);
        }
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.MAX);
        tokens.decode("ok-one-more");
        assertThat(tokens.size()).isEqualTo(1);
    }
}
