package fr.maillage.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import archfixtures.broken.BrokenApplication;
import archfixtures.broken.adapter.facturx.FacturXInvoices;
import archfixtures.broken.adapter.keycloak.KeycloakAccounts;
import archfixtures.broken.adapter.keycloak.KeycloakUsingStripe;
import archfixtures.broken.adapter.mail.SmtpReceipts;
import archfixtures.broken.adapter.persistence.NetworkPersistenceAdapter;
import archfixtures.broken.adapter.persistence.PersistenceUsingSpringWeb;
import archfixtures.broken.adapter.rest.NetworkController;
import archfixtures.broken.adapter.rest.RestUsingApplicationClass;
import archfixtures.broken.adapter.rest.RestUsingJpa;
import archfixtures.broken.adapter.rest.RestUsingKeycloak;
import archfixtures.broken.adapter.rest.RestUsingMail;
import archfixtures.broken.adapter.rest.RestUsingMustang;
import archfixtures.broken.adapter.rest.RestUsingPersistenceAdapter;
import archfixtures.broken.adapter.rest.RestUsingStripe;
import archfixtures.broken.adapter.stripe.StripeCheckout;
import archfixtures.broken.adapter.stripe.StripeUsingKeycloak;
import archfixtures.broken.application.ApplicationUsingSpring;
import archfixtures.broken.application.ApplicationUsingMail;
import archfixtures.broken.application.port.in.ArchiveNetworkCommand;
import archfixtures.broken.application.port.in.CreateNetworkRequest;
import archfixtures.broken.application.port.in.NetworkManager;
import archfixtures.broken.application.port.out.NetworkRepository;
import archfixtures.broken.application.port.out.NetworkStorePort;
import archfixtures.broken.domain.DomainUsingBootstrap;
import archfixtures.broken.domain.DomainUsingJpa;
import archfixtures.broken.domain.DomainUsingSpring;
import archfixtures.broken.domain.DomainUsingSpringWeb;
import archfixtures.broken.domain.member.Member;
import archfixtures.broken.domain.venue.Venue;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that every rule of {@link ArchitectureRules} can fail, for the intended reason, on {@code archfixtures.broken},
 * and passes on the compliant {@code archfixtures.clean}: a rule that never fails, or fails on everything, is caught.
 */
class ArchitectureRulesCanFailTest {

    private static final String BROKEN = "archfixtures.broken";
    private static final String CLEAN = "archfixtures.clean";

    private static JavaClasses broken;
    private static JavaClasses clean;

    /**
     * A rule, the fixture classes that must each be reported as breaking it, and compliant fixture classes that must
     * not be.
     */
    record Case(String rule, String story, List<Class<?>> culprits, List<Class<?>> innocents) {

        ArchRule on(String root) {
            return ArchitectureRules.all().get(rule).apply(root);
        }

        @Override
        public String toString() {
            return rule + ": " + story;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("domainIsFrameworkFree",
                        "the domain uses Spring, JPA, Spring Web or the wiring",
                        List.of(DomainUsingSpring.class, DomainUsingJpa.class, DomainUsingSpringWeb.class,
                                DomainUsingBootstrap.class),
                        List.of(Member.class, Venue.class)),
                new Case("applicationIsFrameworkFree",
                        "an application service is a Spring @Service",
                        List.of(ApplicationUsingSpring.class),
                        List.of()),
                new Case("adaptersAreIndependent",
                        "the REST adapter calls the persistence adapter directly",
                        List.of(RestUsingPersistenceAdapter.class),
                        List.of()),
                new Case("nothingDependsOnBootstrap",
                        "the domain uses the wiring, the REST adapter uses the application class",
                        List.of(DomainUsingBootstrap.class, RestUsingApplicationClass.class),
                        List.of(BrokenApplication.class)),
                new Case("persistenceTechnologyOnlyInPersistenceAdapter",
                        "a domain entity or a REST class uses JPA",
                        List.of(DomainUsingJpa.class, RestUsingJpa.class),
                        List.of(NetworkPersistenceAdapter.class)),
                new Case("webOnlyInWebAdapters",
                        "the domain or the persistence adapter uses Spring Web",
                        List.of(DomainUsingSpringWeb.class, PersistenceUsingSpringWeb.class),
                        List.of(NetworkController.class)),
                new Case("stripeOnlyInStripeAdapter",
                        "the REST or Keycloak adapter uses Stripe",
                        List.of(RestUsingStripe.class, KeycloakUsingStripe.class),
                        List.of(StripeCheckout.class)),
                new Case("mustangOnlyInFacturXAdapter",
                        "the REST adapter renders Factur-X itself",
                        List.of(RestUsingMustang.class),
                        List.of(FacturXInvoices.class)),
                new Case("stripeAdapterUsesOnlyTheHexagonAndStripe",
                        "the Stripe adapter uses Keycloak",
                        List.of(StripeUsingKeycloak.class),
                        List.of(StripeCheckout.class)),
                new Case("keycloakOnlyInKeycloakAdapter",
                        "the REST or Stripe adapter uses Keycloak",
                        List.of(RestUsingKeycloak.class, StripeUsingKeycloak.class),
                        List.of(KeycloakAccounts.class)),
                new Case("mailOnlyInMailAdapter",
                        "the REST adapter or the application sends mail itself",
                        List.of(RestUsingMail.class, ApplicationUsingMail.class),
                        List.of(SmtpReceipts.class)),
                new Case("springOnlyOutsideTheCore",
                        "the domain or the application uses Spring",
                        List.of(DomainUsingSpring.class, DomainUsingSpringWeb.class, ApplicationUsingSpring.class),
                        List.of(NetworkController.class)),
                new Case("inboundPortsAreNamedForIntent",
                        "a NetworkManager port, a *Request record, a Command that is no record",
                        List.of(NetworkManager.class, CreateNetworkRequest.class, ArchiveNetworkCommand.class),
                        List.of()),
                new Case("outboundPortsAreNamedPort",
                        "a *Repository port, a Port that is a class",
                        List.of(NetworkRepository.class, NetworkStorePort.class),
                        List.of()),
                new Case("noPackageCycles",
                        "members know their venue, venues know their host member",
                        List.of(Member.class, Venue.class),
                        List.of()));
    }

    @BeforeAll
    static void importFixtures() {
        broken = new ClassFileImporter().importPackages(BROKEN);
        clean = new ClassFileImporter().importPackages(CLEAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheFixtureThatBreaksIt(Case c) {
        EvaluationResult result = c.on(BROKEN).evaluate(broken);

        assertThat(result.hasViolation()).as("violation of %s", c.rule()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (Class<?> culprit : c.culprits()) {
            assertThat(violationBy(culprit).matcher(report).find())
                    .as("%s reports %s in:%n%s", c.rule(), culprit.getSimpleName(), report).isTrue();
        }
        for (Class<?> innocent : c.innocents()) {
            assertThat(violationBy(innocent).matcher(report).find())
                    .as("%s leaves %s alone in:%n%s", c.rule(), innocent.getSimpleName(), report).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesOnACompliantHexagon(Case c) {
        EvaluationResult result = c.on(CLEAN).evaluate(clean);

        assertThat(result.hasViolation()).as("%s on clean code:%n%s", c.rule(), result.getFailureReport()).isFalse();
    }

    /**
     * Rules whose subject is a package under the root fail when that package imports nothing (failOnEmptyShould). The
     * "only adapter X may use Y" rules are left out: their subject is everything outside X, never empty.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"domainIsFrameworkFree", "applicationIsFrameworkFree", "adaptersAreIndependent",
            "nothingDependsOnBootstrap", "springOnlyOutsideTheCore", "inboundPortsAreNamedForIntent",
            "outboundPortsAreNamedPort", "noPackageCycles", "stripeAdapterUsesOnlyTheHexagonAndStripe"})
    void failsWhenItsPackagesDoNotExist(String rule) {
        ArchRule onNothing = ArchitectureRules.all().get(rule).apply("archfixtures.nowhere");

        assertThatThrownBy(() -> onNothing.evaluate(clean))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void everyRuleHasAFixture() {
        assertThat(cases().map(Case::rule)).containsExactlyInAnyOrderElementsOf(ArchitectureRules.all().keySet());
    }

    /**
     * A report line whose subject is the given class or one of its members, e.g. {@code Field <a.B.f> has type ...} or
     * {@code Class <a.B> is annotated with ...}; a class merely named as a dependency target does not match.
     */
    private static Pattern violationBy(Class<?> type) {
        return Pattern.compile("(?m)^[\\s-]*\\w+ <" + Pattern.quote(type.getName()) + "(?![\\w$])");
    }
}
