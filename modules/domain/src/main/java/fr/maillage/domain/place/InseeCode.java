package fr.maillage.domain.place;

import fr.maillage.domain.network.DepartementCode;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The INSEE code of a commune (code officiel géographique): 5 characters, the département first ("05166" Serres,
 * "26063" Buis-les-Baronnies, "2A004" Ajaccio, "97411" Saint-Denis de La Réunion).
 */
public record InseeCode(String value) {

    public InseeCode {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!value.matches("(\\d{2}|2A|2B)\\d{3}") || departementOf(value) == null) {
            throw new InvalidValueException("place.insee.format");
        }
    }

    public static InseeCode of(String raw) {
        return new InseeCode(raw);
    }

    /** The département the commune is in. */
    public DepartementCode departement() {
        DepartementCode d = departementOf(value);
        if (d == null) {
            throw new IllegalStateException(value);
        }
        return d;
    }

    private static @Nullable DepartementCode departementOf(String code) {
        try {
            return code.startsWith("97") ? DepartementCode.of(code.substring(0, 3))
                    : DepartementCode.of(code.substring(0, 2));
        } catch (InvalidValueException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
