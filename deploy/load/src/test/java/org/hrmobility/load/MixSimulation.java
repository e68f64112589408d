package org.hrmobility.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * Reading and writing together: a steady mix ({@code -Dload.rate} workflows a second, ten times as many reading
 * sessions), or with {@code -Dload.step=true} a step-up of the workflows (one more a second every
 * {@code load.seconds} seconds, ten levels) to find where the p99 passes 100 ms in the report.
 * {@code ./mvnw -pl deploy/load gatling:test -Dgatling.simulationClass=org.hrmobility.load.MixSimulation}
 */
public class MixSimulation extends Simulation {

    private final Suite suite = Suite.fromSystemProperties(2, 60);
    private final Workloads workloads = new Workloads(suite);
    private final boolean stepUp = Boolean.getBoolean("load.step");

    {
        int levels = 10;
        int employees = stepUp ? Workloads.employeesFor(suite.rate() * levels + levels * levels, suite.seconds())
                : Workloads.employeesFor(suite.rate(), suite.seconds());
        var workflows = workloads.workflows(SyntheticEmployees.publish(suite, employees));
        var reading = workloads.reading().injectOpen(constantUsersPerSec(suite.rate() * 10)
                .during(Workloads.seconds(stepUp ? suite.seconds() * levels : suite.seconds())));
        var writing = stepUp
                ? workflows.injectOpen(incrementUsersPerSec(1).times(levels).eachLevelLasting(Workloads.seconds(suite.seconds()))
                        .startingFrom(suite.rate()))
                : workflows.injectOpen(constantUsersPerSec(suite.rate()).during(Workloads.seconds(suite.seconds())));
        setUp(reading, writing)
                .protocols(workloads.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
