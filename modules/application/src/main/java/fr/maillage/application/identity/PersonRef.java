package fr.maillage.application.identity;

import java.util.Objects;

/**
 * A person known to the identity provider.
 *
 * @param subject the stable id of the person, as the {@code sub} claim of their tokens
 * @param email their email address
 * @param created whether this call created the account (the person is then asked to set a password)
 */
public record PersonRef(String subject, EmailAddress email, boolean created) {

    public PersonRef {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(email);
    }
}
