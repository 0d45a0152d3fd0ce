package org.dicelens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The application layer sits below both faces: no JavaFX, no picocli, nothing of {@code cli} or {@code ui}. (Kept
 * beside the package until the integrator folds the rule into ArchitectureTest's layers.)
 */
class AppLayerTest {
    @Test
    void theApplicationLayerKnowsNeitherFace() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dicelens.app");
        noClasses().that().resideInAPackage("org.dicelens.app..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "picocli..", "org.dicelens.cli..", "org.dicelens.ui..")
                .check(app);
    }
}
