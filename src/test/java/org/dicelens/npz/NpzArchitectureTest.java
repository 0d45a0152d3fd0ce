package org.dicelens.npz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The npz package uses the JDK and common only, like nifti (so any layer may read archives). */
class NpzArchitectureTest {
    @Test
    void npzUsesTheJdkAndCommonOnly() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dicelens.npz");
        noClasses().that().resideInAPackage("org.dicelens.npz..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "org.dicelens.npz..",
                        "org.dicelens.common..")
                .check(classes);
    }
}
