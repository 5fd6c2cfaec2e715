package fr.maillage.adapter.rest.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The access tokens already verified, so that a client sending the same token again (every request of a session, for
 * minutes) is not verified again: the RSA signature check and the parsing cost about a tenth of a check-in's CPU.
 * A token is found by the SHA-256 of its text (its text is never compared, so no timing tells anything of a signature),
 * and is served from here only until it expires ({@code exp} plus the clock skew allowed); after that, or for any token
 * never seen, the delegate decides (and refuses with its own message). Tokens the delegate refuses are not kept. At
 * most {@link #MAX} tokens are kept; beyond, the whole set is dropped (verifying again is merely slower).
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX = 4_096;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder delegate;
    private final Duration clockSkew;
    private final Clock clock;
    private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        ByteBuffer key = digest(token);
        Verified known = verified.get(key);
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            verified.remove(key);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX) {
                verified.clear();
            }
            verified.put(key, new Verified(jwt, jwt.getExpiresAt().plus(clockSkew)));
        }
        return jwt;
    }

    /** How many tokens are kept (for tests). */
    int size() {
        return verified.size();
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
