package org.hrmobility.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;

/**
 * Reading at a steady arrival rate ({@code -Dload.rate}, default 20 sessions a second, each 4 to 6 requests).
 * {@code ./mvnw -pl deploy/load gatling:test -Dgatling.simulationClass=org.hrmobility.load.ReadingSimulation}
 */
public class ReadingSimulation extends Simulation {

    private final Suite suite = Suite.fromSystemProperties(20, 60);
    private final Workloads workloads = new Workloads(suite);

    {
        setUp(workloads.reading().injectOpen(constantUsersPerSec(suite.rate()).during(Workloads.seconds(suite.seconds()))))
                .protocols(workloads.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
