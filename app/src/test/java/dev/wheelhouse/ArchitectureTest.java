package dev.wheelhouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: ui → service → kinds → kube → model (see README, Architecture).
 * Inside ui, features (ui.navigator, ui.table, ui.details…) meet only in ui.app, and build on the
 * shared ui.common and ui.cluster; view models hold properties, not scene-graph nodes.
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

    private static final String[] FEATURES = {"actions", "connection", "details", "editor", "labs", "learning", "logs", "navigator", "portforward", "switcher", "table"};

    @Test
    void featuresDoNotDependOnEachOther() {
        for (String feature : FEATURES) {
            String[] others = Arrays.stream(FEATURES).filter(other -> !other.equals(feature))
                    .map(other -> "dev.wheelhouse.ui." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.wheelhouse.ui." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void sharedUiCodeKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("dev.wheelhouse.ui.common..", "dev.wheelhouse.ui.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage(featurePackages("dev.wheelhouse.ui.app.."))
                .check(classes);
    }

    @Test
    void viewModelsHoldNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().resideInAPackage("dev.wheelhouse.ui.cluster..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    private static String[] featurePackages(String... more) {
        String[] packages = new String[FEATURES.length + more.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = "dev.wheelhouse.ui." + FEATURES[i] + "..";
        }
        System.arraycopy(more, 0, packages, FEATURES.length, more.length);
        return packages;
    }
}
