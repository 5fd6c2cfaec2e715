package fr.maillage.bootstrap.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.beInterfaces;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beRecords;
import static com.tngtech.archunit.lang.conditions.ArchConditions.haveSimpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The hexagon's rules, parameterised by the root package so that they run both on the real code ({@code fr.maillage})
 * and on fixtures that prove each rule can fail ({@code archfixtures.broken}) and pass ({@code archfixtures.clean}).
 *
 * <p>Every rule keeps ArchUnit's default {@code failOnEmptyShould}: a rule whose subject packages import nothing fails.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static ArchRule domainIsFrameworkFree(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", root + ".domain..")
                .as("the domain depends only on the JDK, JSpecify and itself");
    }

    static ArchRule applicationIsFrameworkFree(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", root + ".domain..", root + ".application..")
                .as("the application depends only on the JDK, JSpecify, the domain and itself");
    }

    static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapter.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .as("adapters do not depend on each other");
    }

    static ArchRule nothingDependsOnBootstrap(String root) {
        ArchRule nobodyUsesBootstrap = noClasses()
                .that().resideOutsideOfPackage(root + ".bootstrap..")
                // The @SpringBootApplication class (directly in the root package) may reference the wiring.
                .and().resideOutsideOfPackage(root)
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..");
        ArchRule nobodyUsesTheApplicationClass = noClasses()
                .that().resideInAnyPackage(root + ".domain..", root + ".application..", root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root);
        return CompositeArchRule.of(nobodyUsesBootstrap).and(nobodyUsesTheApplicationClass)
                .as("nothing but the application class depends on bootstrap, and the hexagon does not know the application class");
    }

    static ArchRule persistenceTechnologyOnlyInPersistenceAdapter(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.persistence..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "liquibase..", "io.zonky..")
                .as("only the persistence adapter uses JPA, Hibernate, Liquibase and embedded PostgreSQL");
    }

    static ArchRule webOnlyInWebAdapters(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".adapter.rest..", root + ".adapter.web..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..",
                        "org.springdoc..", "io.swagger..")
                .as("only the web-facing adapters use Spring MVC, servlets, HTTP and OpenAPI");
    }

    // The subject (every class outside the adapter) is never empty, so no allowEmptyShould is needed
    // even though no Stripe or Keycloak adapter exists yet.
    static ArchRule stripeOnlyInStripeAdapter(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .as("only the Stripe adapter uses the Stripe SDK");
    }

    static ArchRule mustangOnlyInFacturXAdapter(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.facturx..")
                .should().dependOnClassesThat().resideInAPackage("org.mustangproject..")
                .as("only the Factur-X adapter uses Mustang");
    }

    static ArchRule stripeAdapterUsesOnlyTheHexagonAndStripe(String root) {
        return classes().that().resideInAPackage(root + ".adapter.stripe..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.jspecify..",
                        root + ".domain..", root + ".application..", root + ".adapter.stripe..", "com.stripe..",
                        "com.google.gson..")
                .as("the Stripe adapter depends only on the JDK, JSpecify, the hexagon, itself, stripe-java and its "
                        + "JSON library (no Spring, no other SDK)");
    }

    static ArchRule keycloakOnlyInKeycloakAdapter(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.keycloak..")
                .should().dependOnClassesThat().resideInAPackage("org.keycloak..")
                .as("only the Keycloak adapter uses the Keycloak SDK");
    }

    static ArchRule mailOnlyInMailAdapter(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapter.mail..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..", "com.sun.mail..",
                        "org.springframework.mail..")
                .as("only the mail adapter sends mail (Jakarta Mail, Spring's mail support)");
    }

    static ArchRule springOnlyOutsideTheCore(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .as("neither the domain nor the application uses Spring");
    }

    static ArchRule inboundPortsAreNamedForIntent(String root) {
        String inboundPorts = root + "..port.in..";
        ArchRule useCasesAndQueries = classes()
                .that().resideInAPackage(inboundPorts).and().areInterfaces().and().doNotHaveSimpleName("package-info")
                .should(haveSimpleNameEndingWith("UseCase").or(haveSimpleNameEndingWith("Query")));
        ArchRule commandsAndCriteria = classes()
                .that().resideInAPackage(inboundPorts).and().areTopLevelClasses().and().areNotInterfaces()
                .should(beRecords().and(haveSimpleNameEndingWith("Command").or(haveSimpleNameEndingWith("Criteria"))));
        return CompositeArchRule.of(useCasesAndQueries).and(commandsAndCriteria)
                .as("inbound ports are *UseCase or *Query interfaces, and *Command or *Criteria records");
    }

    // Nested types of a port (e.g. a result record declared inside it) are left free.
    static ArchRule outboundPortsAreNamedPort(String root) {
        return classes()
                .that().resideInAPackage(root + "..port.out..").and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .and().areNotRecords()
                .should(beInterfaces().and(haveSimpleNameEndingWith("Port")))
                .as("outbound ports are interfaces named *Port (records they carry may sit beside them)");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("packages are free of cycles");
    }

    /** Every rule factory of this class by method name, so that no test can forget a rule. */
    static Map<String, Function<String, ArchRule>> all() {
        Map<String, Function<String, ArchRule>> rules = new TreeMap<>();
        Arrays.stream(ArchitectureRules.class.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                        && m.getReturnType() == ArchRule.class
                        && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class}))
                .forEach(m -> rules.put(m.getName(), root -> invoke(m, root)));
        return rules;
    }

    private static ArchRule invoke(Method factory, String root) {
        try {
            return (ArchRule) factory.invoke(null, root);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build rule " + factory.getName(), e);
        }
    }
}
