package fr.maillage.domain.operator;

import fr.maillage.domain.shared.InvalidValueException;

/**
 * A SIREN (9 digits) or SIRET (14 digits: SIREN + 5-digit establishment number), checked with the Luhn key. Spaces
 * are ignored on input ("123 456 789"). La Poste's establishments (SIREN 356 000 000) use a different key: the sum of
 * their digits is a multiple of 5.
 */
public record Siren(String value) {

    private static final String LA_POSTE = "356000000";

    public Siren {
        value = value.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (!value.matches("\\d{9}|\\d{14}")) {
            throw new InvalidValueException("operator.siren.format");
        }
        if (!keyIsValid(value)) {
            throw new InvalidValueException("operator.siren.key");
        }
    }

    public static Siren of(String raw) {
        return new Siren(raw);
    }

    public boolean isSiret() {
        return value.length() == 14;
    }

    /** The 9-digit company number, whether this is a SIREN or a SIRET. */
    public String siren() {
        return value.substring(0, 9);
    }

    static boolean keyIsValid(String digits) {
        if (digits.length() == 14 && digits.startsWith(LA_POSTE) && !digits.equals("35600000000048")) {
            return digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** Grouped as it is printed: "123 456 789" or "123 456 789 00012". */
    public String formatted() {
        String s = siren().substring(0, 3) + " " + siren().substring(3, 6) + " " + siren().substring(6, 9);
        return isSiret() ? s + " " + value.substring(9) : s;
    }

    @Override
    public String toString() {
        return value;
    }
}
