package org.hrmobility.kit.test;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@link ArchitectureRules} a service keeps; a service's {@code ArchitectureTest} names its base package. */
public abstract class ServiceArchitectureTest {

    private final ArchitectureRules rules = ArchitectureRules.of(basePackage());

    /** e.g. {@code org.hrmobility.redeployment} */
    protected abstract String basePackage();

    @Test
    @DisplayName("domain types (aggregates, what they are made of, what decides) import no framework")
    void domainTypesImportNoFramework() {
        rules.domainTypesImportNoFramework();
    }

    @Test
    @DisplayName("feature packages have no cycles")
    void featurePackagesHaveNoCycles() {
        rules.featurePackagesHaveNoCycles();
    }

    @Test
    @DisplayName("the service names no other service's code: services meet through events and the gateway")
    void independent() {
        rules.servicesAreIndependent();
    }
}
