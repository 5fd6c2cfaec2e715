package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import fr.maillage.adapter.keycloak.KeycloakIdentityAdapter;
import fr.maillage.adapter.keycloak.KeycloakIdentityConfiguration;
import fr.maillage.adapter.keycloak.KeycloakIdentityProperties;
import fr.maillage.adapter.keycloak.testing.KeycloakTestServer;
import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.identity.OrganizationRef;
import fr.maillage.application.identity.PersonRef;
import fr.maillage.application.identity.port.out.IdentityProviderPort;
import fr.maillage.application.shared.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Keycloak adapter against the real Keycloak of the run ({@link KeycloakTestServer#shared()}), with the realm of
 * {@code infra/keycloak/maillage-realm.json}: the adapter calls Keycloak as {@code maillage-api}'s service account,
 * exactly as the application will. Every test works on organizations and people of its own (random suffixes).
 */
class KeycloakIdentityAdapterIT {

    private static final String PASSWORD = "correct-horse-battery-staple";

    private static KeycloakTestServer keycloak;
    private static KeycloakIdentityAdapter adapter;

    @BeforeAll
    static void connect() {
        keycloak = KeycloakTestServer.shared();
        adapter = new KeycloakIdentityAdapter(KeycloakIdentityProperties.of(keycloak.url()));
    }

    @AfterAll
    static void close() {
        if (adapter != null) {
            adapter.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- organizations

    @Test
    void an_organization_is_created_once_then_found_by_its_alias() {
        String alias = unique("baronnies");

        OrganizationRef first = adapter.ensureOrganization(alias, "Réseau " + alias);
        OrganizationRef second = adapter.ensureOrganization(alias, "Another name");

        assertThat(second).isEqualTo(first);
        assertThat(first.alias()).isEqualTo(alias);
        List<OrganizationRepresentation> withAlias = organizationsWithAlias(alias);
        assertThat(withAlias).hasSize(1);
        assertThat(withAlias.getFirst().getId()).isEqualTo(first.id());
        assertThat(withAlias.getFirst().getName()).as("the first name stays").isEqualTo("Réseau " + alias);
        assertThat(withAlias.getFirst().isEnabled()).isTrue();
    }

    @Test
    void an_alias_that_is_a_prefix_of_another_never_matches_the_other() {
        String shortAlias = unique("drome");
        String longAlias = shortAlias + "-sud";
        String otherShort = unique("lozere");
        String otherLong = otherShort + "-nord";

        // The longer one first, then the shorter one; and the other way round.
        OrganizationRef longer = adapter.ensureOrganization(longAlias, "Drôme sud " + longAlias);
        OrganizationRef shorter = adapter.ensureOrganization(shortAlias, "Drôme " + shortAlias);
        OrganizationRef otherShorter = adapter.ensureOrganization(otherShort, "Lozère " + otherShort);
        OrganizationRef otherLonger = adapter.ensureOrganization(otherLong, "Lozère nord " + otherLong);

        assertThat(shorter.id()).isNotEqualTo(longer.id());
        assertThat(otherLonger.id()).isNotEqualTo(otherShorter.id());
        assertThat(adapter.ensureOrganization(longAlias, "x")).isEqualTo(longer);
        assertThat(adapter.ensureOrganization(shortAlias, "x")).isEqualTo(shorter);
        assertThat(organizationsWithAlias(shortAlias)).extracting(OrganizationRepresentation::getId)
                .containsExactly(shorter.id());
        assertThat(organizationsWithAlias(longAlias)).extracting(OrganizationRepresentation::getId)
                .containsExactly(longer.id());
    }

    @Test
    void an_organization_made_by_hand_in_keycloak_is_found_by_its_alias() {
        String alias = unique("hand-made");
        OrganizationRepresentation handMade = new OrganizationRepresentation();
        handMade.setAlias(alias);
        handMade.setName("Made in the console " + alias);
        handMade.setEnabled(true);
        String id;
        try (Response response = keycloak.realm().organizations().create(handMade)) {
            assertThat(response.getStatus()).isEqualTo(201);
            String path = response.getLocation().getPath();
            id = path.substring(path.lastIndexOf('/') + 1);
        }

        assertThat(adapter.ensureOrganization(alias, "Whatever")).isEqualTo(new OrganizationRef(id, alias));
        assertThat(adapter.ensureOrganization(alias, "Whatever")).isEqualTo(new OrganizationRef(id, alias));
        assertThat(organizationsWithAlias(alias)).hasSize(1);
        assertThat(keycloak.realm().organizations().get(id).toRepresentation().getAttributes())
                .as("tagged, so that the next look-up is direct")
                .containsEntry(KeycloakIdentityAdapter.ALIAS_ATTRIBUTE, List.of(alias));
    }

    @Test
    void two_networks_with_the_same_name_get_two_organizations() {
        String name = "Tiers-lieux " + unique("same");
        String firstAlias = unique("first");
        String secondAlias = unique("second");

        OrganizationRef first = adapter.ensureOrganization(firstAlias, name);
        OrganizationRef second = adapter.ensureOrganization(secondAlias, name);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(organizationsWithAlias(firstAlias).getFirst().getName()).isEqualTo(name);
        assertThat(organizationsWithAlias(secondAlias).getFirst().getName())
                .as("Keycloak wants names unique: the alias tells them apart")
                .isEqualTo(name + " (" + secondAlias + ")");
    }

    @Test
    void concurrent_calls_for_one_alias_make_one_organization() throws Exception {
        String alias = unique("simultane");

        List<OrganizationRef> results = concurrently(8, () -> adapter.ensureOrganization(alias, "Réseau " + alias));

        assertThat(results).containsOnly(results.getFirst());
        assertThat(organizationsWithAlias(alias)).extracting(OrganizationRepresentation::getId)
                .containsExactly(results.getFirst().id());
    }

    // ---------------------------------------------------------------------------------------------- people

    @Test
    void a_person_is_created_with_a_password_to_set_then_found_by_email() {
        String email = unique("alice") + "@example.org";

        PersonRef created = adapter.ensurePerson(EmailAddress.of(email), "Alice", "Martin");
        PersonRef found = adapter.ensurePerson(EmailAddress.of(email.toUpperCase(Locale.ROOT)), null, null);

        assertThat(created.created()).isTrue();
        assertThat(created.email().value()).isEqualTo(email);
        assertThat(found.created()).isFalse();
        assertThat(found.subject()).isEqualTo(created.subject());
        UserRepresentation person = keycloak.realm().users().get(created.subject()).toRepresentation();
        assertThat(person.getUsername()).isEqualTo(email);
        assertThat(person.getEmail()).isEqualTo(email);
        assertThat(person.getFirstName()).isEqualTo("Alice");
        assertThat(person.getLastName()).isEqualTo("Martin");
        assertThat(person.isEnabled()).isTrue();
        assertThat(person.isEmailVerified()).isFalse();
        assertThat(person.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(keycloak.realm().users().searchByEmail(email, true)).hasSize(1);
    }

    @Test
    void a_person_registered_with_a_mixed_case_email_is_found_by_the_same_email() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = keycloak.createUser("Carole.Dupont-" + suffix + "@Example.ORG", PASSWORD);

        PersonRef found = adapter.ensurePerson(EmailAddress.of("carole.dupont-" + suffix + "@example.org"), null, null);

        assertThat(found.created()).isFalse();
        assertThat(found.subject()).isEqualTo(id);
    }

    @Test
    void concurrent_calls_for_one_email_make_one_person() throws Exception {
        String email = unique("concurrent") + "@example.org";

        List<PersonRef> results = concurrently(8, () -> adapter.ensurePerson(EmailAddress.of(email), "Con", "Current"));

        assertThat(results).extracting(PersonRef::subject).containsOnly(results.getFirst().subject());
        assertThat(results).filteredOn(PersonRef::created).hasSize(1);
        assertThat(keycloak.realm().users().searchByEmail(email, true)).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------- members

    @Test
    void a_member_gets_the_organization_and_the_api_audience_in_their_access_token() {
        String alias = unique("membres");
        String email = unique("bruno") + "@example.org";
        OrganizationRef organization = adapter.ensureOrganization(alias, "Réseau " + alias);
        String subject = keycloak.createUser(email, PASSWORD);

        adapter.ensureMember(organization, subject);
        adapter.ensureMember(organization, subject);

        assertThat(members(organization)).containsExactly(subject);
        Map<String, Object> access = KeycloakTestServer.claims(keycloak.accessToken(email, PASSWORD));
        assertThat(access.get("typ")).isEqualTo("Bearer");
        assertThat(access.get("iss")).isEqualTo(keycloak.issuer());
        assertThat(access.get("sub")).isEqualTo(subject);
        assertThat(audience(access)).contains("maillage-api");
        assertThat(access.get("organization")).asInstanceOf(LIST)
                .containsExactly(alias);
        Map<String, Object> id = KeycloakTestServer.claims(keycloak.idToken(email, PASSWORD));
        assertThat(id.get("typ")).as("the API must refuse ID tokens: they say so").isEqualTo("ID");
    }

    @Test
    void the_organization_claim_comes_without_asking_for_its_scope() {
        String alias = unique("defaut");
        String email = unique("chloe") + "@example.org";
        OrganizationRef organization = adapter.ensureOrganization(alias, "Réseau " + alias);
        String subject = keycloak.createUser(email, PASSWORD);
        adapter.ensureMember(organization, subject);

        Map<String, Object> access = KeycloakTestServer.claims(keycloak.accessToken(email, PASSWORD, "openid"));

        assertThat(access.get("organization")).asInstanceOf(LIST)
                .containsExactly(alias);
        assertThat(keycloak.realm().clients().findByClientId(KeycloakTestServer.WEB_CLIENT_ID).getFirst()
                .getDefaultClientScopes()).contains("organization");
    }

    @Test
    void removing_a_member_twice_or_someone_who_never_was_is_no_error() {
        String alias = unique("depart");
        String email = unique("denis") + "@example.org";
        OrganizationRef organization = adapter.ensureOrganization(alias, "Réseau " + alias);
        String subject = keycloak.createUser(email, PASSWORD);
        String stranger = keycloak.createUser(unique("etienne") + "@example.org", PASSWORD);
        adapter.ensureMember(organization, subject);

        adapter.removeMember(organization, subject);
        adapter.removeMember(organization, subject);
        adapter.removeMember(organization, stranger);

        assertThat(members(organization)).isEmpty();
        assertThat(KeycloakTestServer.claims(keycloak.accessToken(email, PASSWORD))).doesNotContainKey("organization");
    }

    @Test
    void making_an_unknown_person_a_member_is_refused() {
        OrganizationRef organization = adapter.ensureOrganization(unique("inconnu"), "Réseau inconnu");

        assertThatThrownBy(() -> adapter.ensureMember(organization, UUID.randomUUID().toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("404");
    }

    // ---------------------------------------------------------------------------------------------- the realm

    @Test
    void the_api_service_account_holds_only_what_provisioning_needs() {
        Map<String, Object> token = KeycloakTestServer.claims(keycloak.clientCredentialsToken());

        @SuppressWarnings("unchecked")
        Map<String, Map<String, List<String>>> resourceAccess =
                (Map<String, Map<String, List<String>>>) token.get("resource_access");
        assertThat(resourceAccess.get("realm-management").get("roles"))
                .containsExactlyInAnyOrder("manage-users", "manage-organizations");
        assertThat(token).doesNotContainKey("realm_access");
    }

    // ---------------------------------------------------------------------------------------------- failures

    @Test
    void with_keycloak_stopped_every_operation_says_identity_is_unavailable_then_works_again() {
        String alias = unique("panne");
        OrganizationRef organization = adapter.ensureOrganization(alias, "Réseau " + alias);
        String subject = keycloak.createUser(unique("fanny") + "@example.org", PASSWORD);
        String issuer = keycloak.issuer();
        List<Consumer<IdentityProviderPort>> operations = List.of(
                port -> port.ensureOrganization(alias, "Réseau " + alias),
                port -> port.ensurePerson(EmailAddress.of(unique("gaston") + "@example.org"), null, null),
                port -> port.ensureMember(organization, subject),
                port -> port.removeMember(organization, subject));

        keycloak.stop();
        try {
            for (Consumer<IdentityProviderPort> operation : operations) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> operation.accept(adapter))
                        .isInstanceOf(ServiceUnavailableException.class)
                        .satisfies(e -> assertThat(((ServiceUnavailableException) e).arguments())
                                .containsExactly("identity"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            keycloak.start();
        }

        assertThat(keycloak.issuer()).isEqualTo(issuer);
        assertThat(adapter.ensureOrganization(alias, "Réseau " + alias)).isEqualTo(organization);
        adapter.ensureMember(organization, subject);
        assertThat(members(organization)).containsExactly(subject);
    }

    @Test
    void a_wrong_client_secret_is_a_configuration_error_not_an_unavailable_identity() {
        KeycloakIdentityProperties wrongSecret = new KeycloakIdentityProperties(keycloak.url(), "maillage",
                "maillage-api", "not-the-secret", Duration.ofSeconds(2), Duration.ofSeconds(5), 2);

        try (KeycloakIdentityAdapter misconfigured = new KeycloakIdentityAdapter(wrongSecret)) {
            assertThatThrownBy(() -> misconfigured.ensureOrganization(unique("secret"), "Réseau"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("401");
        }
    }

    // ---------------------------------------------------------------------------------------------- in Spring

    @Test
    void in_a_spring_context_the_adapter_is_the_identity_port_once_keycloak_url_is_set() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(KeycloakIdentityConfiguration.class);

        runner.run(context -> assertThat(context).doesNotHaveBean(IdentityProviderPort.class));
        runner.withPropertyValues("maillage.identity.keycloak.url=" + keycloak.url(),
                        "maillage.identity.keycloak.read-timeout=4s")
                .run(context -> {
                    assertThat(context).hasSingleBean(IdentityProviderPort.class);
                    assertThat(context.getBean(KeycloakIdentityProperties.class).readTimeout())
                            .isEqualTo(Duration.ofSeconds(4));
                    String alias = unique("spring");
                    OrganizationRef organization = context.getBean(IdentityProviderPort.class)
                            .ensureOrganization(alias, "Réseau " + alias);
                    assertThat(organizationsWithAlias(alias)).extracting(OrganizationRepresentation::getId)
                            .containsExactly(organization.id());
                });
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Runs the call on that many threads at once (released together) and returns every result. */
    private static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<OrganizationRepresentation> organizationsWithAlias(String alias) {
        return keycloak.organizations().stream()
                .filter(organization -> alias.equals(organization.getAlias()))
                .toList();
    }

    private static List<String> members(OrganizationRef organization) {
        return keycloak.realm().organizations().get(organization.id()).members().list(0, 100).stream()
                .map(MemberRepresentation::getId)
                .toList();
    }

    private static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return aud == null ? List.of() : List.of(String.valueOf(aud));
    }
}
