package org.boxoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
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

    /**
     * A controller speaks for its own feature: the only beans of other features it may use are these, each for a
     * reason. Catalog's service gives the event that quote, order and basket views show; the partner service lets an
     * operator endpoint of billing or basket answer 404 for an unknown partner. Anything else goes through the
     * controller's own feature's services.
     */
    private static final Map<String, Set<String>> FOREIGN_SERVICES_ALLOWED = Map.of(
            "org.boxoffice.catalog.CatalogService", Set.of("quote", "order", "basket"),
            "org.boxoffice.partner.PartnerService", Set.of("billing", "basket"));

    @Test
    void controllersCallOnlyTheirOwnFeaturesServices() {
        classes().that().haveSimpleNameEndingWith("Controller")
                .should(new ArchCondition<JavaClass>("use no other feature's beans than the listed ones") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        String feature = feature(controller);
                        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            String theirs = feature(target);
                            boolean bean = target.isAnnotatedWith(Service.class) || target.isAnnotatedWith(Component.class);
                            if (bean && theirs != null && !theirs.equals(feature) && !Set.of("web", "shared").contains(theirs)
                                    && !FOREIGN_SERVICES_ALLOWED.getOrDefault(target.getName(), Set.of()).contains(feature)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                }).check(classes);
    }

    /** {@code org.boxoffice.<feature>...} gives the feature; null outside the application. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("org.boxoffice.")) {
            return null;
        }
        String rest = name.substring("org.boxoffice.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void featuresDoNotDependOnWiring() {
        noClasses().that().resideOutsideOfPackages("org.boxoffice.config..", "org.boxoffice")
                .should().dependOnClassesThat().resideInAPackage("org.boxoffice.config..").check(classes);
    }
}
