package fr.maillage.application.identity;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person known to the identity provider.
 *
 * @param subject the stable id of the person, as the {@code sub} claim of their tokens
 * @param email their email address
 * @param created whether this call created the account (the person is then asked to set a password)
 * @param firstName the person's first name as the account holds it, when it holds one
 * @param lastName the person's last name as the account holds it, when it holds one
 */
public record PersonRef(String subject, EmailAddress email, boolean created, @Nullable String firstName,
        @Nullable String lastName) {

    public PersonRef {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(email);
    }

    public PersonRef(String subject, EmailAddress email, boolean created) {
        this(subject, email, created, null, null);
    }
}
