package fr.maillage.domain.invoice;

import fr.maillage.domain.operator.InvoicePrefix;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PREFIX-YYYY-NNNNNN}: the operator's invoice prefix, the year of issue (in the network's time zone) and the
 * position in the operator's series of that year, from 1, without gaps (six digits at least).
 */
public record InvoiceNumber(InvoicePrefix prefix, int year, long sequence) implements Comparable<InvoiceNumber> {

    private static final Pattern FORMAT = Pattern.compile("([A-Z0-9]{2,10})-(\\d{4})-(\\d{6,})");

    public InvoiceNumber {
        Objects.requireNonNull(prefix);
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence);
        }
    }

    public static InvoiceNumber parse(String raw) {
        Matcher m = FORMAT.matcher(raw.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an invoice number: " + raw);
        }
        return new InvoiceNumber(InvoicePrefix.of(m.group(1)), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3)));
    }

    public String value() {
        return String.format("%s-%04d-%06d", prefix.value(), year, sequence);
    }

    @Override
    public int compareTo(InvoiceNumber other) {
        int c = Integer.compare(year, other.year);
        return c != 0 ? c : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
