package fr.maillage.domain.visit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104 over FIPS 180-4's SHA-256), written on {@link MessageDigest} so that the domain needs no
 * cryptography provider API beyond the JDK's {@code java.security}. Checked against RFC 4231's test vectors.
 */
final class HmacSha256 {

    private static final int BLOCK = 64;

    private HmacSha256() {
    }

    static byte[] mac(byte[] key, byte[] message) {
        MessageDigest sha = sha256();
        byte[] k = key.length > BLOCK ? sha.digest(key) : key;
        byte[] block = Arrays.copyOf(k, BLOCK);
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        sha.update(inner);
        sha.update(message);
        byte[] innerHash = sha.digest();
        sha.update(outer);
        sha.update(innerHash);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
