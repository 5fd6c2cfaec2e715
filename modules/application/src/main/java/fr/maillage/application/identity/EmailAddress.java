package fr.maillage.application.identity;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased; a pragmatic check (one @, a dotted domain, no spaces), 254 at most. */
public record EmailAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("email.invalid");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
