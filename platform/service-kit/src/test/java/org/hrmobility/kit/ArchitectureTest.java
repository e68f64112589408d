package org.hrmobility.kit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hrmobility.kit");

    @Test
    @DisplayName("the kit's domain package (Decision, Actor, CalendarDays, refusals) imports no framework")
    void domainImportsNoFramework() {
        noClasses().that().resideInAPackage("org.hrmobility.kit.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..",
                        "tools.jackson..", "com.fasterxml.jackson..", "org.apache.kafka..", "jakarta..")
                .check(KIT);
    }

    @Test
    @DisplayName("the domain package depends on no other kit package: the store and the decision loop build on it, not it on them")
    void domainIsTheBottom() {
        noClasses().that().resideInAPackage("org.hrmobility.kit.domain..")
                .should().dependOnClassesThat(resideInAPackage("org.hrmobility.kit..")
                        .and(resideOutsideOfPackage("org.hrmobility.kit.domain..")))
                .check(KIT);
    }

    @Test
    @DisplayName("the kit's feature packages have no cycles")
    void noCycles() {
        slices().matching("org.hrmobility.kit.(*)..").should().beFreeOfCycles().check(KIT);
    }
}
