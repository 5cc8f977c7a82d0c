package dev.wheelhouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: ui → service → kinds → kube → model (see README, Architecture).
 * Plain JUnit tests calling ArchUnit, so every build tool's runner counts them.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wheelhouse");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ui").definedBy("dev.wheelhouse.ui..")
                .layer("service").definedBy("dev.wheelhouse.service..")
                .layer("kinds").definedBy("dev.wheelhouse.kinds..")
                .layer("kube").definedBy("dev.wheelhouse.kube..")
                .layer("model").definedBy("dev.wheelhouse.model..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("kinds").mayOnlyBeAccessedByLayers("service", "ui")
                .whereLayer("kube").mayOnlyBeAccessedByLayers("kinds", "service")
                .whereLayer("model").mayOnlyBeAccessedByLayers("kube", "kinds", "service", "ui")
                .check(classes);
    }

    @Test
    void onlyKubeTalksToTheClientLibrary() {
        noClasses().that().resideOutsideOfPackage("dev.wheelhouse.kube..")
                .should().dependOnClassesThat().resideInAPackage("io.kubernetes..")
                .check(classes);
    }

    @Test
    void onlyUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.wheelhouse.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
