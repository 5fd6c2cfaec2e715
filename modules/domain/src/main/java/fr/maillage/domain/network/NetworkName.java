package fr.maillage.domain.network;

import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.Text;

/** The display name of a network, such as "Innover en Baronnies provençales". White space is normalized. */
public record NetworkName(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 120;

    public NetworkName {
        if (Text.hasControlCharacters(value)) {
            throw new InvalidValueException("text.control-characters");
        }
        value = Text.normalize(value);
        if (value.codePointCount(0, value.length()) < MIN_LENGTH
                || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("network.name.length", MIN_LENGTH, MAX_LENGTH);
        }
    }

    public static NetworkName of(String raw) {
        return new NetworkName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
