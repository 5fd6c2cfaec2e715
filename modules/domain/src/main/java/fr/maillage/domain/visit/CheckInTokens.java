package fr.maillage.domain.visit;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.place.PlaceId;
import fr.maillage.domain.shared.InvalidValueException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed, rotating token of a place's QR code: what a member's phone sends to check in. Time is cut into
 * windows ({@link #window()}, 5 minutes by default, counted from the epoch); a token names a place and the window it
 * was issued in, and is signed with HMAC-SHA256 over (network, place, window) with a secret of the platform. It is
 * accepted during its window and the next one (so a code scanned just before it rotates still works: a token lives
 * between one and two windows), refused as expired afterwards, and refused as invalid when the signature does not
 * match (tampered, forged, another network's, another secret's) or it names a window to come.
 *
 * <p>Format, 50 characters of base64url without padding: version (1 byte, 1), place id (16 bytes), window number
 * (4 bytes, unsigned, big-endian), the first 16 bytes of the HMAC. The signature is compared in constant time.
 */
public final class CheckInTokens {

    /** The shortest secret accepted: 32 bytes (256 bits, the size of the hash). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_BYTES = 1 + 16 + 4 + MAC_BYTES;
    private static final byte[] CONTEXT = "maillage/check-in/v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] secret;
    private final Duration window;

    public CheckInTokens(byte[] secret, Duration window) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the check-in secret has at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (window.compareTo(Duration.ofSeconds(30)) < 0 || window.compareTo(Duration.ofHours(1)) > 0
                || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a check-in window lasts 30 s to 1 h, in whole seconds: " + window);
        }
        this.secret = secret.clone();
        this.window = window;
    }

    /** A token just issued: valid until {@code expiresAt}; the place shows a new one from {@code renewAt}. */
    public record Issued(String token, Instant renewAt, Instant expiresAt) {
    }

    public Duration window() {
        return window;
    }

    /** The token of {@code place} for the window holding {@code now}. */
    public Issued issue(NetworkId network, PlaceId place, Instant now) {
        long number = windowOf(now);
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        token.put(VERSION);
        putUuid(token, place.value());
        token.putInt((int) number);
        token.put(mac(network, place, number));
        return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(token.array()), startOf(number + 1),
                startOf(number + 2));
    }

    /**
     * The place a token names, if it is genuine for {@code network} and still valid at {@code now}.
     *
     * @throws InvalidValueException {@code check-in.token.invalid} when it is malformed, not signed by us for this
     *     network, or from a window to come
     * @throws ExpiredCheckInTokenException when it is genuine but older than the previous window
     */
    public PlaceId verify(NetworkId network, String token, Instant now) {
        String given = token.strip();
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(given);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Only the canonical spelling: no padding, no stray bits in the last character.
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(given)) {
            throw invalid();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        PlaceId place = new PlaceId(new UUID(in.getLong(), in.getLong()));
        long number = Integer.toUnsignedLong(in.getInt());
        byte[] signature = Arrays.copyOfRange(bytes, TOKEN_BYTES - MAC_BYTES, TOKEN_BYTES);
        if (!MessageDigest.isEqual(signature, mac(network, place, number))) {
            throw invalid();
        }
        long current = windowOf(now);
        if (number > current) {
            throw invalid();
        }
        if (number < current - 1) {
            throw new ExpiredCheckInTokenException(startOf(number + 2));
        }
        return place;
    }

    private byte[] mac(NetworkId network, PlaceId place, long number) {
        ByteBuffer message = ByteBuffer.allocate(CONTEXT.length + 16 + 16 + 8);
        message.put(CONTEXT);
        putUuid(message, network.value());
        putUuid(message, place.value());
        message.putLong(number);
        return Arrays.copyOf(HmacSha256.mac(secret, message.array()), MAC_BYTES);
    }

    private long windowOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), window.toSeconds());
    }

    private Instant startOf(long number) {
        return Instant.ofEpochSecond(number * window.toSeconds());
    }

    private static void putUuid(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits());
        buffer.putLong(id.getLeastSignificantBits());
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("check-in.token.invalid");
    }
}
