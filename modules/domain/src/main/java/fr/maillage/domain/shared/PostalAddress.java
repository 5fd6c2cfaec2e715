package fr.maillage.domain.shared;

import org.jspecify.annotations.Nullable;

/**
 * A French postal address: one or two street lines, a 5-digit postal code, a town. (Overseas codes are 5 digits too.)
 */
public record PostalAddress(String line1, @Nullable String line2, String postalCode, String town) {

    public PostalAddress {
        line1 = line(line1, "address.line1", true);
        line2 = line2 == null || line2.isBlank() ? null : line(line2, "address.line2", false);
        postalCode = postalCode.replace(" ", "");
        if (!postalCode.matches("\\d{5}")) {
            throw new InvalidValueException("address.postal-code.format");
        }
        town = line(town, "address.town", true);
    }

    private static String line(String raw, String code, boolean required) {
        if (Text.hasControlCharacters(raw)) {
            throw new InvalidValueException("text.control-characters");
        }
        String value = Text.normalize(raw);
        if ((required && value.isEmpty()) || value.length() > 120) {
            throw new InvalidValueException(code + ".length", 1, 120);
        }
        return value;
    }

    /** On one line, as in a directory: "Place de la Mairie, 05700 Serres". */
    public String oneLine() {
        return line1 + (line2 == null ? "" : ", " + line2) + ", " + postalCode + " " + town;
    }
}
