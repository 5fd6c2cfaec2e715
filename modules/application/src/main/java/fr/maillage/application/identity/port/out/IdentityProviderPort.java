package fr.maillage.application.identity.port.out;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.PersonRef;
import org.jspecify.annotations.Nullable;

/**
 * The identity provider (Keycloak): one organization per network, whose alias is the network's slug, and the people
 * who log in. Every operation is idempotent, so that a use case interrupted half-way (the provider or the database
 * failing) completes when retried, and never leaves a duplicate.
 *
 * <p>When the provider cannot be reached or fails, every method throws
 * {@link fr.maillage.application.shared.ServiceUnavailableException} with the dependency {@code "identity"}.
 */
public interface IdentityProviderPort {

    /** The organization with this alias, created (with this display name) if there is none yet. */
    OrganizationRef ensureOrganization(String alias, String name);

    /**
     * The person with this email, created if there is none yet: enabled, email not verified, required to set a
     * password at first login (and sent the email that asks it, when the provider can send mail).
     */
    PersonRef ensurePerson(EmailAddress email, @Nullable String firstName, @Nullable String lastName);

    /** Makes the person a member of the organization; nothing happens if they already are. */
    void ensureMember(OrganizationRef organization, String subject);

    /** Removes the person from the organization; nothing happens if they are not a member. */
    void removeMember(OrganizationRef organization, String subject);
}
