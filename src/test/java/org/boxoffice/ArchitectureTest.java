package org.boxoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/** The package rules of DESIGN.md, enforced. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boxoffice");
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.boxoffice.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersNeverTouchRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository").check(classes);
    }

    @Test
    void repositoriesStayInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
    }

    @Test
    void stripeIsOnlyUsedByItsAdapter() {
        noClasses().that().resideOutsideOfPackage("org.boxoffice.payment.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..").check(classes);
    }

    @Test
    void theWebLayerAndSharedKernelKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.boxoffice.web..", "org.boxoffice.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.boxoffice.partner..", "org.boxoffice.catalog..",
                        "org.boxoffice.inventory..", "org.boxoffice.operator..", "org.boxoffice.demo..",
                        "org.boxoffice.config..", "org.boxoffice.quote..", "org.boxoffice.order..", "org.boxoffice.payment..",
                        "org.boxoffice.settings..", "org.boxoffice.billing..", "org.boxoffice.basket..",
                        "org.boxoffice.voucher..")
                .check(classes);
    }

    @Test
    void onlyTheInventoryChangesTickets() {
        noClasses().that().resideOutsideOfPackage("org.boxoffice.inventory..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("HoldRepository").check(classes);
    }

    @Test
    void paymentsKnowNeitherOrdersNorBaskets() {
        noClasses().that().resideInAPackage("org.boxoffice.payment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.boxoffice.order..", "org.boxoffice.quote..",
                        "org.boxoffice.basket..")
                .check(classes);
    }

    /** Baskets hold tickets like quotes do, through inventory; nothing of quotes is theirs. */
    @Test
    void basketsKnowNothingOfQuotes() {
        noClasses().that().resideInAPackage("org.boxoffice.basket..")
                .should().dependOnClassesThat().resideInAPackage("org.boxoffice.quote..").check(classes);
    }

    /** A controller's request is one call into its feature's service, which is the transaction boundary. */
    @Test
    void controllersOpenNoTransactions() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().beAnnotatedWith(Transactional.class).check(classes);
        noMethods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Controller")
                .should().beAnnotatedWith(Transactional.class).check(classes);
    }

    @Test
    void theLedgerKnowsNoOtherFeature() {
        noClasses().that().resideInAPackage("org.boxoffice.billing..").should().dependOnClassesThat()
                .resideInAnyPackage("org.boxoffice.order..", "org.boxoffice.quote..", "org.boxoffice.inventory..",
                        "org.boxoffice.catalog..").check(classes);
    }

    @Test
    void featuresDoNotDependOnWiring() {
        noClasses().that().resideOutsideOfPackages("org.boxoffice.config..", "org.boxoffice")
                .should().dependOnClassesThat().resideInAPackage("org.boxoffice.config..").check(classes);
    }
}
