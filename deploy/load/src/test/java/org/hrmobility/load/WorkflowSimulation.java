package org.hrmobility.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;

/**
 * The writing workflows at a steady arrival rate ({@code -Dload.rate}, default 2 workflows a second, each 9
 * commands), for employees published as master data just before.
 * {@code ./mvnw -pl deploy/load gatling:test -Dgatling.simulationClass=org.hrmobility.load.WorkflowSimulation}
 */
public class WorkflowSimulation extends Simulation {

    private final Suite suite = Suite.fromSystemProperties(2, 60);
    private final Workloads workloads = new Workloads(suite);

    {
        setUp(workloads.workflows(SyntheticEmployees.publish(suite, Workloads.employeesFor(suite.rate(), suite.seconds())))
                .injectOpen(constantUsersPerSec(suite.rate()).during(Workloads.seconds(suite.seconds()))))
                .protocols(workloads.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
