package fr.maillage.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every rule of {@link ArchitectureRules} on Maillage's production classes. */
class ArchitectureTest {

    private static final String ROOT = "fr.maillage";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theImportCoversEveryModuleAndNoTestClass() {
        assertThat(production.contain("fr.maillage.domain.network.Network")).as("domain").isTrue();
        assertThat(production.contain("fr.maillage.application.network.NetworkService")).as("application").isTrue();
        assertThat(production.contain("fr.maillage.adapter.persistence.network.NetworkPersistenceAdapter"))
                .as("adapter-persistence").isTrue();
        assertThat(production.contain("fr.maillage.adapter.rest.network.NetworkController")).as("adapter-rest").isTrue();
        assertThat(production.contain("fr.maillage.adapter.mail.SmtpMailTransport")).as("adapter-mail").isTrue();
        assertThat(production.contain("fr.maillage.bootstrap.UseCaseConfiguration")).as("bootstrap").isTrue();
        assertThat(production.contain("fr.maillage.MaillageApplication")).as("application class").isTrue();
        assertThat(production.contain(ArchitectureTest.class.getName())).as("test classes are left out").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollows(Function<String, ArchRule> rule) {
        rule.apply(ROOT).check(production);
    }

    static Stream<Named<Function<String, ArchRule>>> rules() {
        return ArchitectureRules.all().entrySet().stream()
                .map(e -> Named.of(e.getKey() + ": " + e.getValue().apply(ROOT).getDescription(), e.getValue()));
    }
}
