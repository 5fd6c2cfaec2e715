package fr.maillage.domain.member;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.List;

/**
 * Phone numbers as people in France write them, normalised to E.164 ({@code +33612345678}).
 *
 * <ul>
 *   <li>French national numbers: ten digits starting with 0 ({@code 06 12 34 56 78}, {@code 06.12.34.56.78},
 *   {@code 06-12-34-56-78}); those of the overseas départements get their own country code ({@code 0590 ...} becomes
 *   {@code +590 590 ...}, {@code 0692 ...} becomes {@code +262 692 ...}).</li>
 *   <li>International numbers: {@code +} or {@code 00}, a country code, 8 to 15 digits in all ({@code +33 (0)6 12 34
 *   56 78} drops the "(0)").</li>
 * </ul>
 * Spaces, dots, hyphens and brackets are separators; anything else is refused ({@code member.phone.format}).
 */
public final class PhoneNumber {

    /** National prefixes of the overseas départements and their country code (ARCEP numbering plan). */
    private static final List<String[]> OVERSEAS = List.of(
            new String[] {"590", "0590", "0690", "0691"}, // Guadeloupe, Saint-Martin, Saint-Barthélemy
            new String[] {"594", "0594", "0694"}, // Guyane
            new String[] {"596", "0596", "0696", "0697"}, // Martinique
            new String[] {"262", "0262", "0263", "0692", "0693", "0269", "0639"}); // La Réunion, Mayotte

    private PhoneNumber() {
    }

    /** The number in E.164, or {@link InvalidValueException} {@code member.phone.format}. */
    public static String normalize(String raw) {
        String s = raw.strip().replace("(0)", "");
        if (!s.matches("\\+?[0-9 .\\-()]{1,40}")) {
            throw invalid();
        }
        boolean plus = s.startsWith("+");
        String digits = s.replaceAll("[^0-9]", "");
        if (!plus && digits.startsWith("00")) {
            plus = true;
            digits = digits.substring(2);
        }
        if (plus) {
            if (digits.startsWith("33") && digits.length() == 11 && digits.charAt(2) != '0') {
                return "+" + digits;
            }
            if (digits.startsWith("0") || digits.length() < 8 || digits.length() > 15
                    || digits.startsWith("33") && digits.length() != 11) {
                throw invalid();
            }
            return "+" + digits;
        }
        if (digits.length() != 10 || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
            throw invalid();
        }
        for (String[] zone : OVERSEAS) {
            for (int i = 1; i < zone.length; i++) {
                if (digits.startsWith(zone[i])) {
                    return "+" + zone[0] + digits.substring(1);
                }
            }
        }
        return "+33" + digits.substring(1);
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("member.phone.format");
    }
}
