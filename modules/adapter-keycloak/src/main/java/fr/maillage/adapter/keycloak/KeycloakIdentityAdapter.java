package fr.maillage.adapter.keycloak;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.PersonRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.shared.ServiceUnavailableException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IdentityProviderPort} on Keycloak's admin API, as the service account of the {@code maillage-api} client
 * (client credentials). That account needs the {@code realm-management} roles {@code manage-users} and
 * {@code manage-organizations}, nothing more.
 *
 * <p>Every operation is idempotent and safe under concurrency: a creation that collides with another one (409) looks
 * the object up again and returns it. Keycloak unreachable, too slow (connect 2 s, read 5 s by default) or failing
 * (5xx) gives {@link ServiceUnavailableException} with the dependency {@code "identity"}; Keycloak refusing a call
 * (401, 403, ...: a configuration error) gives {@link IllegalStateException}.
 *
 * <p>Organizations are found by alias through an attribute {@value #ALIAS_ATTRIBUTE} that this adapter sets when it
 * creates them: Keycloak's organization search only matches names and domains, never aliases. An organization made by
 * hand without the attribute is still found (by listing all organizations, then tagged so that the next look-up is
 * direct). Keycloak also wants organization names unique in the realm: when another organization already has the
 * name, this one is created as {@code "<name> (<alias>)"}.
 */
public class KeycloakIdentityAdapter implements IdentityProviderPort, AutoCloseable {

    /** The organization attribute that holds its alias, so that it can be searched (exactly) by alias. */
    public static final String ALIAS_ATTRIBUTE = "maillage.alias";

    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityAdapter.class);

    private static final String DEPENDENCY = "identity";
    private static final int PAGE_SIZE = 100;
    private static final String MAIL_FAILURE = "Failed to send execute actions email";
    private static final String NO_SENDER = "Invalid sender address 'null'";

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakIdentityAdapter(KeycloakIdentityProperties properties) {
        this.realm = properties.realm();
        Client http = ResteasyClientClassicProvider.createClientBuilder()
                .connectionPoolSize(properties.connectionPoolSize())
                .maxPooledPerRoute(properties.connectionPoolSize())
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionCheckoutTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Keycloak's own Jackson provider: ignores the fields a newer server adds to its representations.
                .register(JacksonProvider.class, 100)
                .build();
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(http)
                .build();
    }

    // ---------------------------------------------------------------------------------------------- organizations

    @Override
    public OrganizationRef ensureOrganization(String alias, String name) {
        requireSearchable(alias);
        return call("ensure organization " + alias, () -> {
            Optional<OrganizationRepresentation> existing = findOrganization(alias);
            if (existing.isPresent()) {
                return new OrganizationRef(existing.get().getId(), alias);
            }
            Optional<String> created = createOrganization(alias, name);
            if (created.isPresent()) {
                return new OrganizationRef(created.get(), alias);
            }
            // 409: someone created it meanwhile, or it was made without our attribute, or another one has this name.
            existing = findOrganization(alias).or(() -> scanForOrganization(alias));
            if (existing.isPresent()) {
                return new OrganizationRef(existing.get().getId(), alias);
            }
            created = createOrganization(alias, name + " (" + alias + ")");
            if (created.isPresent()) {
                return new OrganizationRef(created.get(), alias);
            }
            return findOrganization(alias)
                    .map(organization -> new OrganizationRef(organization.getId(), alias))
                    .orElseThrow(() -> new IllegalStateException(
                            "Keycloak refuses to create the organization " + alias + " and has none with this alias"));
        });
    }

    @Override
    public void ensureMember(OrganizationRef organization, String subject) {
        String action = "add member " + subject + " to " + organization.alias();
        run(action, () -> {
            try (Response response = organizations().get(organization.id()).members().addMember(subject)) {
                int status = response.getStatus();
                if (status != 201 && status != 204 && status != 409) { // 409: already a member
                    throw failure(action, response);
                }
            }
        });
    }

    @Override
    public void removeMember(OrganizationRef organization, String subject) {
        String action = "remove member " + subject + " from " + organization.alias();
        run(action, () -> {
            try (Response response = organizations().get(organization.id()).members().member(subject).delete()) {
                int status = response.getStatus();
                if (status != 204 && status != 200 && status != 404) { // 404: not a member (or no such organization)
                    throw failure(action, response);
                }
            }
        });
    }

    private Optional<OrganizationRepresentation> findOrganization(String alias) {
        return organizations().searchByAttribute(ALIAS_ATTRIBUTE + ":" + alias).stream()
                .filter(organization -> alias.equals(organization.getAlias()))
                .findFirst();
    }

    /** The slow path, for an organization made without our attribute: every organization, page by page. */
    private Optional<OrganizationRepresentation> scanForOrganization(String alias) {
        for (int first = 0; ; first += PAGE_SIZE) {
            List<OrganizationRepresentation> page = organizations().list(first, PAGE_SIZE);
            for (OrganizationRepresentation organization : page) {
                if (alias.equals(organization.getAlias())) {
                    tag(organization.getId(), alias);
                    return Optional.of(organization);
                }
            }
            if (page.size() < PAGE_SIZE) {
                return Optional.empty();
            }
        }
    }

    /** Adds our alias attribute to an organization made without it, so that the next look-up finds it directly. */
    private void tag(String id, String alias) {
        OrganizationRepresentation organization = organizations().get(id).toRepresentation();
        Map<String, List<String>> attributes = organization.getAttributes() == null
                ? new HashMap<>() : new HashMap<>(organization.getAttributes());
        attributes.put(ALIAS_ATTRIBUTE, List.of(alias));
        organization.setAttributes(attributes);
        try (Response response = organizations().get(id).update(organization)) {
            if (response.getStatus() >= 300) {
                log.warn("Could not tag the Keycloak organization {} with its alias: HTTP {}", alias,
                        response.getStatus());
            }
        }
    }

    /** The new organization's id, or empty on 409 (an organization with this alias or this name exists). */
    private Optional<String> createOrganization(String alias, String name) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(alias);
        organization.setName(name);
        organization.setEnabled(true);
        organization.singleAttribute(ALIAS_ATTRIBUTE, alias);
        try (Response response = organizations().create(organization)) {
            return switch (response.getStatus()) {
                case 201 -> Optional.of(createdId(response));
                case 409 -> Optional.empty();
                default -> throw failure("create organization " + alias, response);
            };
        }
    }

    private static void requireSearchable(String alias) {
        if (alias.isBlank() || alias.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':' || c == '"')) {
            throw new IllegalArgumentException("not an organization alias: '" + alias + "'");
        }
    }

    // ---------------------------------------------------------------------------------------------- people

    @Override
    public PersonRef ensurePerson(EmailAddress email, @Nullable String firstName, @Nullable String lastName) {
        return call("ensure person", () -> {
            Optional<UserRepresentation> existing = findPerson(email);
            if (existing.isPresent()) {
                return new PersonRef(existing.get().getId(), email, false, existing.get().getFirstName(),
                        existing.get().getLastName());
            }
            UserRepresentation person = new UserRepresentation();
            person.setUsername(email.value());
            person.setEmail(email.value());
            person.setFirstName(firstName);
            person.setLastName(lastName);
            person.setEnabled(true);
            person.setEmailVerified(false);
            person.setRequiredActions(List.of(UPDATE_PASSWORD));
            String id;
            try (Response response = users().create(person)) {
                int status = response.getStatus();
                if (status == 201) {
                    id = createdId(response);
                } else if (status == 409) {
                    // Someone created this person meanwhile (a concurrent call): theirs is the one.
                    return findPerson(email)
                            .map(winner -> new PersonRef(winner.getId(), email, false, winner.getFirstName(),
                                    winner.getLastName()))
                            .orElseThrow(() -> failure("create person", response));
                } else {
                    throw failure("create person", response);
                }
            }
            askToSetPassword(id);
            return new PersonRef(id, email, true, firstName, lastName);
        });
    }

    private Optional<UserRepresentation> findPerson(EmailAddress email) {
        return users().searchByEmail(email.value(), true).stream()
                .filter(user -> email.value().equalsIgnoreCase(user.getEmail()))
                .findFirst();
    }

    /**
     * Sends the email that asks the person to set a password. A realm that cannot send mail (no SMTP configured, or
     * the mail server failing) is no error: the person is created and will be asked at first login.
     */
    private void askToSetPassword(String id) {
        try {
            users().get(id).executeActionsEmail(List.of(UPDATE_PASSWORD));
        } catch (WebApplicationException e) {
            String body = body(e.getResponse());
            if (e.getResponse().getStatus() == 500 && body.contains(MAIL_FAILURE)) {
                if (body.contains(NO_SENDER)) {
                    log.debug("Keycloak realm {} has no SMTP server: no email asks person {} to set a password",
                            realm, id);
                } else {
                    log.warn("Keycloak could not send person {} the email to set a password: {}", id, body);
                }
                return;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private OrganizationsResource organizations() {
        return realm().organizations();
    }

    private UsersResource users() {
        return realm().users();
    }

    /** Runs one operation, turning Keycloak's failures into the port's exceptions. */
    private <T> T call(String action, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ProcessingException | WebApplicationException e) {
            throw translate(action, e);
        }
    }

    private void run(String action, Runnable operation) {
        call(action, () -> {
            operation.run();
            return Boolean.TRUE;
        });
    }

    private static RuntimeException translate(String action, RuntimeException e) {
        Integer status = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                // Connection refused or reset, timeouts, unknown host: Keycloak cannot be reached.
                return new ServiceUnavailableException(DEPENDENCY, e);
            }
            if (status == null && cause instanceof WebApplicationException web && web.getResponse() != null) {
                status = web.getResponse().getStatus();
            }
        }
        if (status == null || status >= 500) {
            return new ServiceUnavailableException(DEPENDENCY, e);
        }
        return new IllegalStateException(
                "Keycloak refused to " + action + " (HTTP " + status + "): check the client " +
                        "credentials and the service account's realm-management roles", e);
    }

    /** The exception for an unexpected answer: 5xx means Keycloak is failing, anything else is refused. */
    private static RuntimeException failure(String action, Response response) {
        int status = response.getStatus();
        String message = "Keycloak answered HTTP " + status + " to " + action + ": " + body(response);
        if (status >= 500) {
            return new ServiceUnavailableException(DEPENDENCY, new IllegalStateException(message));
        }
        return new IllegalStateException(message);
    }

    private static String body(@Nullable Response response) {
        if (response == null) {
            return "";
        }
        try {
            response.bufferEntity();
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String createdId(Response response) {
        URI location = response.getLocation();
        if (location == null) {
            throw new IllegalStateException("Keycloak created an object but gave no Location");
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
