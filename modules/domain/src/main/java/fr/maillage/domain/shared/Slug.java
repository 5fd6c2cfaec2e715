package fr.maillage.domain.shared;

import java.util.regex.Pattern;

/**
 * A handle for addresses: 3 to 60 of {@code a-z}, {@code 0-9} and single hyphens, starting and ending with a letter
 * or a digit. Derived from a name when none is given ("La Serre" gives "la-serre").
 */
public record Slug(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]");

    public Slug {
        if (!FORMAT.matcher(value).matches() || value.contains("--")) {
            throw new InvalidValueException("slug.format", 3, 60);
        }
    }

    public static Slug of(String raw) {
        return new Slug(raw);
    }

    /** "Les Tuves — Buis-les-Baronnies" gives "les-tuves-buis-les-baronnies". */
    public static Slug fromName(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-+$", "");
        }
        if (ascii.length() < 3) {
            ascii = (ascii + "-lieu").replaceAll("^-", "");
        }
        return new Slug(ascii);
    }

    @Override
    public String toString() {
        return value;
    }
}
