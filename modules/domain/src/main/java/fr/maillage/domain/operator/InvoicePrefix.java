package fr.maillage.domain.operator;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.Locale;

/** The prefix of an operator's invoice numbers ({@code PREFIX-2026-000001}): 2 to 10 of A-Z and 0-9. */
public record InvoicePrefix(String value) {

    public InvoicePrefix {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z0-9]{2,10}")) {
            throw new InvalidValueException("operator.invoice-prefix.format");
        }
    }

    public static InvoicePrefix of(String raw) {
        return new InvoicePrefix(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
