package fr.maillage.application.booking;

import fr.maillage.domain.network.NetworkId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Feed tokens: the network's id (16 bytes, not secret: it says which tenant to look in, since the public address has
 * no network) followed by 32 random bytes (256 bits of secret), in base64url without padding: 64 characters. Only the
 * SHA-256 of the token is stored.
 */
final class FeedTokens {

    static final int LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private FeedTokens() {
    }

    record Issued(String token, byte[] hash) {
    }

    record Parsed(NetworkId network, byte[] hash) {
    }

    static Issued issue(NetworkId network) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        ByteBuffer bytes = ByteBuffer.allocate(48);
        bytes.putLong(network.value().getMostSignificantBits()).putLong(network.value().getLeastSignificantBits())
                .put(secret);
        String token = ENCODER.encodeToString(bytes.array());
        return new Issued(token, hash(token));
    }

    /** The network and hash of a well-formed token; empty for anything else. */
    static Optional<Parsed> parse(String token) {
        if (token.length() != LENGTH || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(DECODER.decode(token));
        NetworkId network = new NetworkId(new UUID(bytes.getLong(), bytes.getLong()));
        return Optional.of(new Parsed(network, hash(token)));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
