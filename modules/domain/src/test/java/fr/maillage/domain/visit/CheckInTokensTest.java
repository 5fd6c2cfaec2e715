package fr.maillage.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckInTokensTest {

    static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8);
    static final NetworkId BARONNIES = new NetworkId(UUID.fromString("0197a1a0-0000-7000-8000-000000000001"));
    static final NetworkId DROME = new NetworkId(UUID.fromString("0197a1a0-0000-7000-8000-000000000002"));
    static final PlaceId LA_SERRE = new PlaceId(UUID.fromString("0197a1a0-0000-7000-8000-0000000000aa"));
    /** 10:02:30, inside the window 10:00-10:05. */
    static final Instant NOW = Instant.parse("2026-03-02T10:02:30Z");

    final CheckInTokens tokens = new CheckInTokens(SECRET, Duration.ofMinutes(5));

    @Test
    void a_token_names_its_place_during_its_window_and_the_next_one() {
        CheckInTokens.Issued issued = tokens.issue(BARONNIES, LA_SERRE, NOW);

        assertThat(issued.token()).hasSize(50).matches("[A-Za-z0-9_-]+");
        assertThat(issued.renewAt()).isEqualTo(Instant.parse("2026-03-02T10:05:00Z"));
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-03-02T10:10:00Z"));
        assertThat(tokens.verify(BARONNIES, issued.token(), NOW)).isEqualTo(LA_SERRE);
        assertThat(tokens.verify(BARONNIES, issued.token(), Instant.parse("2026-03-02T10:00:00Z"))).isEqualTo(LA_SERRE);
        assertThat(tokens.verify(BARONNIES, issued.token(), Instant.parse("2026-03-02T10:09:59Z")))
                .as("the previous window is still accepted").isEqualTo(LA_SERRE);
        assertThat(tokens.verify(BARONNIES, " " + issued.token() + "\n", NOW)).as("blanks around it").isEqualTo(LA_SERRE);
    }

    @Test
    void it_rotates_every_window() {
        String first = tokens.issue(BARONNIES, LA_SERRE, NOW).token();
        assertThat(tokens.issue(BARONNIES, LA_SERRE, NOW.plusSeconds(60)).token()).isEqualTo(first);
        assertThat(tokens.issue(BARONNIES, LA_SERRE, NOW.plusSeconds(180)).token()).isNotEqualTo(first);
    }

    @Test
    void an_older_token_has_expired() {
        String token = tokens.issue(BARONNIES, LA_SERRE, NOW).token();
        assertThatThrownBy(() -> tokens.verify(BARONNIES, token, Instant.parse("2026-03-02T10:10:00Z")))
                .isInstanceOf(ExpiredCheckInTokenException.class)
                .hasMessageContaining("check-in.token.expired")
                .satisfies(e -> assertThat(((ExpiredCheckInTokenException) e).expiredAt())
                        .isEqualTo(Instant.parse("2026-03-02T10:10:00Z")));
        assertThatThrownBy(() -> tokens.verify(BARONNIES, token, NOW.plus(Duration.ofDays(3))))
                .isInstanceOf(ExpiredCheckInTokenException.class);
    }

    @Test
    void a_token_of_a_window_to_come_another_network_or_another_secret_is_invalid() {
        String token = tokens.issue(BARONNIES, LA_SERRE, NOW).token();
        assertInvalid(() -> tokens.verify(BARONNIES, token, NOW.minusSeconds(300)));
        assertInvalid(() -> tokens.verify(DROME, token, NOW));
        CheckInTokens otherSecret = new CheckInTokens("another-secret-of-at-least-thirty-two-bytes"
                .getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
        assertInvalid(() -> otherSecret.verify(BARONNIES, token, NOW));
    }

    @Test
    void every_single_changed_bit_makes_it_invalid_seeded() {
        byte[] genuine = Base64.getUrlDecoder().decode(tokens.issue(BARONNIES, LA_SERRE, NOW).token());
        Random random = new Random(7L);
        for (int i = 0; i < genuine.length * 8; i++) {
            byte[] tampered = genuine.clone();
            tampered[i / 8] ^= (byte) (1 << (i % 8));
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertInvalid(() -> tokens.verify(BARONNIES, token, NOW));
        }
        for (int i = 0; i < 500; i++) {
            byte[] noise = new byte[random.nextInt(60)];
            random.nextBytes(noise);
            assertInvalid(() -> tokens.verify(BARONNIES, Base64.getUrlEncoder().encodeToString(noise), NOW));
        }
        String token = tokens.issue(BARONNIES, LA_SERRE, NOW).token();
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            String respelled = token.substring(0, token.length() - 1) + c;
            if (!respelled.equals(token)) {
                assertInvalid(() -> tokens.verify(BARONNIES, respelled, NOW));
            }
        }
        assertInvalid(() -> tokens.verify(BARONNIES, token + "==", NOW));
        for (String garbage : new String[] {"", "   ", "not a token!", "é", "%%%%", "A".repeat(5_000)}) {
            assertInvalid(() -> tokens.verify(BARONNIES, garbage, NOW));
        }
    }

    @Test
    void a_short_secret_or_an_odd_window_is_refused() {
        assertThatThrownBy(() -> new CheckInTokens(new byte[31], Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckInTokens(SECRET, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckInTokens(SECRET, Duration.ofMillis(60_500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 4231, test cases 1, 2, 4 and 6 (a key longer than a block). */
    @Test
    void hmac_sha256_matches_the_test_vectors_of_rfc_4231() {
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(HmacSha256.mac(hex.parseHex("0b".repeat(20)),
                "Hi There".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(hex.formatHex(HmacSha256.mac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(hex.formatHex(HmacSha256.mac(hex.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                hex.parseHex("cd".repeat(50)))))
                .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        assertThat(hex.formatHex(HmacSha256.mac(hex.parseHex("aa".repeat(131)),
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check-in.token.invalid");
    }
}
