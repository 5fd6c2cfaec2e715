package fr.maillage.domain.network;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The public, immutable handle of a network: used in URLs ({@code /api/networks/{slug}}) and as the alias of the
 * network's identity organization. 3 to 40 characters among {@code a-z}, {@code 0-9} and {@code -}, starting and
 * ending with a letter or a digit, with no {@code --}.
 */
public record NetworkSlug(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    public NetworkSlug {
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("network.slug.length", MIN_LENGTH, MAX_LENGTH);
        }
        if (!FORMAT.matcher(value).matches() || value.contains("--")) {
            throw new InvalidValueException("network.slug.format");
        }
    }

    public static NetworkSlug of(String raw) {
        return new NetworkSlug(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
