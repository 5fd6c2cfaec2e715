package fr.maillage.adapter.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;

/**
 * Demo only: accounts with known passwords, and a public client {@value #DEV_CLIENT_ID} that allows the password
 * grant so that a person can try the API with {@code curl}. Uses the server's bootstrap administrator (master realm),
 * never the API's service account; enabled by {@code maillage.identity.keycloak.demo.enabled} (the demo profile).
 * Never enable it on a real server.
 */
public final class KeycloakDemoAccounts implements DisposableBean {

    public static final String DEV_CLIENT_ID = "maillage-dev";

    private final Keycloak admin;
    private final String realm;

    public KeycloakDemoAccounts(String url, String realm, String adminUsername, String adminPassword) {
        this.admin = KeycloakBuilder.builder().serverUrl(url).realm("master").grantType(OAuth2Constants.PASSWORD)
                .clientId("admin-cli").username(adminUsername).password(adminPassword).build();
        this.realm = realm;
    }

    /** Creates {@value #DEV_CLIENT_ID} once: like {@code maillage-web} (audience, organization claim), password grant. */
    public void ensureDevClient() {
        RealmResource r = admin.realm(realm);
        if (!r.clients().findByClientId(DEV_CLIENT_ID).isEmpty()) {
            return;
        }
        ClientRepresentation web = r.clients().findByClientId("maillage-web").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the realm has no client maillage-web"));
        ClientRepresentation dev = new ClientRepresentation();
        dev.setClientId(DEV_CLIENT_ID);
        dev.setName("Demo only: password grant");
        dev.setEnabled(true);
        dev.setPublicClient(true);
        dev.setStandardFlowEnabled(false);
        dev.setDirectAccessGrantsEnabled(true);
        List<ProtocolMapperRepresentation> mappers = new ArrayList<>();
        if (web.getProtocolMappers() != null) {
            for (ProtocolMapperRepresentation mapper : web.getProtocolMappers()) {
                mapper.setId(null);
                mappers.add(mapper);
            }
        }
        dev.setProtocolMappers(mappers);
        dev.setDefaultClientScopes(web.getDefaultClientScopes());
        dev.setOptionalClientScopes(web.getOptionalClientScopes());
        try (Response response = r.clients().create(dev)) {
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw new IllegalStateException("cannot create " + DEV_CLIENT_ID + ": HTTP " + response.getStatus());
            }
        }
    }

    /**
     * A person who can log in at once with this password (email verified, no required action), created if absent,
     * with the realm role {@code platform-admin} when asked. Returns their id.
     */
    public String ensureAccount(String email, String password, String firstName, String lastName,
            boolean platformAdmin) {
        RealmResource r = admin.realm(realm);
        String id = findByEmail(r, email);
        if (id == null) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            user.setEmailVerified(true);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
            try (Response response = r.users().create(user)) {
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw new IllegalStateException("cannot create the demo account " + email + ": HTTP "
                            + response.getStatus());
                }
            }
            id = findByEmail(r, email);
            if (id == null) {
                throw new IllegalStateException("the demo account " + email + " was not found after its creation");
            }
        }
        if (platformAdmin) {
            r.users().get(id).roles().realmLevel().add(List.of(r.roles().get("platform-admin").toRepresentation()));
        }
        return id;
    }

    /** Whether an account with this email exists. */
    public boolean hasAccount(String email) {
        return findByEmail(admin.realm(realm), email) != null;
    }

    private static @Nullable String findByEmail(RealmResource r, String email) {
        return r.users().searchByEmail(email, true).stream().findFirst().map(UserRepresentation::getId).orElse(null);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
