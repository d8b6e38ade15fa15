package org.exchangehub.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

/** The module and package boundaries of docs/architecture.md, checked rather than remembered. */
@AnalyzeClasses(packages = "org.exchangehub", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule registryFeaturesHaveNoCycles = slices()
            .matching("org.exchangehub.catalog.(*)..")
            .should().beFreeOfCycles()
            .because("each registry feature (entry, mount, search, coverage…) builds on others in one direction only");

    @ArchTest
    static final ArchRule onlyTheRegistryTouchesItsTables = noClasses()
            .that().resideOutsideOfPackage("org.exchangehub.catalog..")
            .should().dependOnClassesThat().resideInAPackage("org.exchangehub.catalog.jooq..")
            .because("the registry's schema is its own; other modules go through its services");

    @ArchTest
    static final ArchRule registryKnowsNothingOfTheWeb = noClasses()
            .that().resideInAPackage("org.exchangehub.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.security..", "org.exchangehub.hub..")
            .because("catalog-registry is a library: HTTP, security and runtime wiring live in hub-core");

    @ArchTest
    static final ArchRule returnFlowFeaturesHaveNoCycles = slices()
            .matching("org.exchangehub.returnflow.(*)..")
            .should().beFreeOfCycles()
            .because("return-flow features build on each other in one direction: record ← quality ← store ← intake");

    @ArchTest
    static final ArchRule onlyTheReturnFlowTouchesItsTables = noClasses()
            .that().resideOutsideOfPackage("org.exchangehub.returnflow..")
            .should().dependOnClassesThat().resideInAPackage("org.exchangehub.returnflow.jooq..")
            .because("the return flow's schema is its own; hub-core goes through its services");

    @ArchTest
    static final ArchRule returnFlowKnowsNothingOfTheWeb = noClasses()
            .that().resideInAPackage("org.exchangehub.returnflow..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.security..", "org.exchangehub.hub..", "org.exchangehub.connectors..",
                    "org.apache.camel..", "org.apache.kafka..")
            .because("return-flow is a library: channels, HTTP, security and runtime wiring live in hub-core");

    @ArchTest
    static final ArchRule registryKnowsNothingOfTheReturnFlow = noClasses()
            .that().resideInAPackage("org.exchangehub.catalog..")
            .should().dependOnClassesThat().resideInAPackage("org.exchangehub.returnflow..")
            .because("dependencies point one way: return-flow → catalog-registry, mapping-configs");

    @ArchTest
    static final ArchRule registryAndConnectorsDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("org.exchangehub.connectors..")
            .should().dependOnClassesThat().resideInAnyPackage("org.exchangehub.catalog..", "org.exchangehub.hub..",
                    "org.exchangehub.returnflow..")
            .because("dependencies point one way: hub-core → connectors, catalog-registry, mapping-configs")
            .allowEmptyShould(true); // connectors has no classes until the shared-interfaces work lands

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields()
            .should().beAnnotatedWith(Autowired.class)
            .because("dependencies are final fields set by the constructor");

    @ArchTest
    static final ArchRule controllersDoNotTalkSql = noClasses()
            .that().resideInAPackage("org.exchangehub.hub..")
            .should().dependOnClassesThat().resideInAPackage("org.jooq..")
            .because("SQL lives in the registry's services, not in controllers or runtime wiring");
}
