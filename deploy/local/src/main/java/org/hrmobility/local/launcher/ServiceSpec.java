package org.hrmobility.local.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The identity provider and the console serve people signing in and reading pages, not the load: they run on the
     * quick compiler alone (C1), which starts them on a fraction of the CPU the optimising one spends at a start.
     */
    private static final Set<String> QUICK_COMPILER_ONLY = Set.of("identity-provider", "console");

    ServiceSpec(String name, int port, Path jar, List<String> arguments, String database, Map<String, String> environment) {
        this(name, name, name, port, jar, arguments, database, environment);
    }

    /**
     * Whether it needs the devstack to start: every service has its database and its topics; the identity provider,
     * the gateway and the console use neither, so they can start while the devstack does.
     */
    boolean usesDevstack() {
        return database != null;
    }

    /** {@link #TUNED_JVM}, and C1 alone for the processes off the load's path. */
    List<String> jvmOptions() {
        if (!QUICK_COMPILER_ONLY.contains(service)) {
            return TUNED_JVM;
        }
        List<String> options = new ArrayList<>(TUNED_JVM);
        options.add("-XX:TieredStopAtLevel=1");
        return List.copyOf(options);
    }

    String readinessUrl() {
        return "http://localhost:" + port + "/actuator/health/readiness";
    }
}
