package org.dicelens;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layer arrows of docs/ARCHITECTURE.md true. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dicelens");
    }

    @Test
    void layersOnlyDependOnTheLayersBelowThem() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("common").definedBy("org.dicelens.common..")
                .layer("nifti").definedBy("org.dicelens.nifti..")
                .layer("npz").definedBy("org.dicelens.npz..")
                .layer("volume").definedBy("org.dicelens.volume..")
                .layer("metrics").definedBy("org.dicelens.metrics..")
                .layer("phantom").definedBy("org.dicelens.phantom..")
                .layer("lab").definedBy("org.dicelens.lab..")
                .layer("render").definedBy("org.dicelens.render..")
                .layer("bench").definedBy("org.dicelens.bench..")
                .layer("app").definedBy("org.dicelens.app..")
                .layer("cli").definedBy("org.dicelens.cli..")
                .layer("ui").definedBy("org.dicelens.ui..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer() // only Main starts it
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli") // harnesses are run from `dicelens bench` only
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("lab").mayOnlyBeAccessedByLayers("app", "cli", "ui")
                .whereLayer("phantom").mayOnlyBeAccessedByLayers("lab", "app", "cli", "ui") // never the reverse: no ND4J
                .whereLayer("render").mayOnlyBeAccessedByLayers("app", "cli", "ui")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("phantom", "lab", "render", "bench", "app", "cli", "ui")
                .whereLayer("volume").mayOnlyBeAccessedByLayers("metrics", "phantom", "lab", "render", "bench", "app", "cli",
                        "ui")
                .whereLayer("npz").mayOnlyBeAccessedByLayers("volume", "phantom", "lab", "bench", "app", "cli", "ui")
                .whereLayer("nifti").mayOnlyBeAccessedByLayers("volume", "phantom", "lab", "bench", "app", "cli", "ui")
                .check(classes);
    }

    @Test
    void domainCodeHasNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.dicelens.common..", "org.dicelens.nifti..", "org.dicelens.volume..",
                "org.dicelens.metrics..", "org.dicelens.phantom..", "org.dicelens.lab..", "org.dicelens.render..", "org.dicelens.cli..",
                "org.dicelens.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void niftiUsesTheJdkOnly() {
        noClasses().that().resideInAPackage("org.dicelens.nifti..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "org.dicelens.nifti..",
                        "org.dicelens.common..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotReachTheViewerAndTheViewerDoesNotTouchNiftiHeaders() {
        noClasses().that().resideInAPackage("org.dicelens.cli..").should().dependOnClassesThat()
                .resideInAPackage("org.dicelens.ui..").check(classes);
        noClasses().that().resideInAPackage("org.dicelens.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.dicelens.nifti..").check(classes);
    }

    @Test
    void theApplicationLayerKnowsNeitherFace() {
        noClasses().that().resideInAPackage("org.dicelens.app..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "picocli..", "org.dicelens.cli..", "org.dicelens.ui..")
                .check(classes);
    }

    @Test
    void picocliOnlyInTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.dicelens.cli..").and().doNotHaveFullyQualifiedName("org.dicelens.Main")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(classes);
    }

    @Test
    void nd4jOnlyInTheLabsTrainingCode() {
        noClasses().that().resideOutsideOfPackages("org.dicelens.lab.training..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..", "org.deeplearning4j..")
                .check(classes);
    }

    @Test
    void phantomsArePlainJavaBelowTheLab() {
        // generation must run without ND4J's native libraries: the viewer, the command line and tests build phantoms
        noClasses().that().resideInAPackage("org.dicelens.phantom..").should().dependOnClassesThat()
                .resideInAnyPackage("org.dicelens.lab..", "org.nd4j..", "org.bytedeco..", "javafx..", "picocli..")
                .check(classes);
    }

    @Test
    void viewModelsAreFreeOfSceneGraphs() {
        // view models hold properties and collections; nodes, controls and stages belong to the views
        noClasses().that().resideInAPackage("org.dicelens.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void domainLayersUseNoApplicationFrameworks() {
        // the engine's tiers (statistics, voxel metrics, spatial, raters, cohorts) are plain Java on volume and common
        noClasses().that().resideInAnyPackage("org.dicelens.metrics..", "org.dicelens.volume..", "org.dicelens.nifti..",
                "org.dicelens.common..").should().dependOnClassesThat()
                .resideInAnyPackage("picocli..", "org.nd4j..", "org.dicelens.app..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.dicelens.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Two top-level types of one simple name in different layers read as one and get imported by mistake. */
    @Test
    void topLevelTypeNamesAreUnique() {
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        for (com.tngtech.archunit.core.domain.JavaClass c : classes) {
            if (c.isTopLevelClass() && !c.getSimpleName().equals("package-info")) {
                byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName());
            }
        }
        byName.values().removeIf(names -> names.size() < 2);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(), byName);
    }
}
