package cn.zhutui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import modularityfixture.FixtureApp;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Each feature package uses another only through its public face — the types in its base package
 * (services, model records, events); everything else sits in an internal subpackage. Verified by
 * Spring Modulith, which is shown to fail on a reach-in.
 */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ZhutuiApplication.class).verify();
    }

    @Test
    void theCheckFailsWhenAModuleReachesIntoAnothersInternals() {
        // the fixture lives with the tests, which the app's own check leaves out: import everything here
        ImportOption everything = location -> true;
        assertThatThrownBy(() -> ApplicationModules.of(FixtureApp.class, everything).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("modularityfixture.b").hasMessageContaining("ASecret");
    }

    @Test
    void repositoriesAreNobodysPublicFace() {
        var app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.zhutui");
        classes().that().haveSimpleNameEndingWith("Repository").and().arePublic()
                .should().resideInAPackage("..internal..")
                .because("a module's SQL is its own; other modules go through its service")
                .check(app);
    }

    @Test
    void theLedgerShowsItsServiceNotItsBookkeeping() {
        var ledger = ApplicationModules.of(ZhutuiApplication.class).getModuleByName("ledger").orElseThrow();
        assertThat(ledger.isExposed(cn.zhutui.ledger.LedgerService.class)).isTrue();
        assertThat(ledger.isExposed(cn.zhutui.ledger.internal.LedgerFacts.class)).isFalse();
        assertThat(ledger.isExposed(cn.zhutui.ledger.internal.LedgerRepository.class)).isFalse();
        assertThat(ledger.isExposed(cn.zhutui.ledger.imports.LedgerImportService.class)).isFalse();
    }
}
