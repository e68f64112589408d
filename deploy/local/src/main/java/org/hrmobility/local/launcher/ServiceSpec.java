package org.hrmobility.local.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the suite: its name, port, the jar and arguments it runs with, and where it reports ready.
 *
 * @param name     the process's own name ({@code mobility-service}, or {@code mobility-service-2} as one of several)
 * @param service  what it runs ({@code mobility-service}): the same for every instance of a service
 * @param portKey  the name its port is configured under ({@link SuiteOptions#portVariable})
 * @param database the service's database, or null for processes without one
 */
record ServiceSpec(String name, String service, String portKey, int port, Path jar, List<String> arguments, String database,
                   Map<String, String> environment) {

    /** JVM settings for a 2-core machine: small heaps, serial GC, one thread stack size; both compilers, for throughput. */
    static final List<String> TUNED_JVM = List.of("-XX:+UseSerialGC", "-Xss512k",
            "-Xms64m", "-Xmx192m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    ServiceSpec(String name, int port, Path jar, List<String> arguments, String database, Map<String, String> environment) {
        this(name, name, name, port, jar, arguments, database, environment);
    }

    String readinessUrl() {
        return "http://localhost:" + port + "/actuator/health/readiness";
    }
}
