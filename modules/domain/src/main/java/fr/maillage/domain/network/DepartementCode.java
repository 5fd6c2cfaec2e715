package fr.maillage.domain.network;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * A French département code as the INSEE writes it: {@code 01} to {@code 95} (no {@code 20}: Corsica is
 * {@code 2A} and {@code 2B}), and the overseas départements {@code 971}, {@code 972}, {@code 973}, {@code 974},
 * {@code 976}. A single digit is padded ({@code 5} becomes {@code 05}); {@code 2a} is upper-cased.
 */
public record DepartementCode(String value) implements Comparable<DepartementCode> {

    public DepartementCode {
        value = normalize(value);
        if (!isValid(value)) {
            throw new InvalidValueException("network.departement.unknown", value);
        }
    }

    public static DepartementCode of(String raw) {
        return new DepartementCode(raw);
    }

    private static String normalize(String raw) {
        String v = raw.strip().toUpperCase(Locale.ROOT);
        return v.length() == 1 && Character.isDigit(v.charAt(0)) ? "0" + v : v;
    }

    private static boolean isValid(String v) {
        if (v.equals("2A") || v.equals("2B")) {
            return true;
        }
        if (v.length() == 2 && v.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(v);
            return n >= 1 && n <= 95 && n != 20;
        }
        return switch (v) {
            case "971", "972", "973", "974", "976" -> true;
            default -> false;
        };
    }

    /** Sorts as the INSEE lists them: 01 … 19, 2A, 2B, 21 … 95, 971 … 976. */
    @Override
    public int compareTo(DepartementCode other) {
        return sortKey().compareTo(other.sortKey());
    }

    private String sortKey() {
        return switch (value) {
            case "2A" -> "020A";
            case "2B" -> "020B";
            default -> value.length() == 2 ? "0" + value + "0" : value + "0";
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
