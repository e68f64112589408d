package org.hrmobility.local.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the suite: its name, port, the jar and arguments it runs with, and where it reports ready.
 *
 * @param database the service's database, or null for processes without one
 */
record ServiceSpec(String name, int port, Path jar, List<String> arguments, String database, Map<String, String> environment) {

    /** JVM settings for a 2-core machine: small heaps, the C1 compiler only, serial GC, one thread stack size. */
    static final List<String> TUNED_JVM = List.of("-XX:+UseSerialGC", "-Xss512k",
            "-Xms64m", "-Xmx192m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    String readinessUrl() {
        return "http://localhost:" + port + "/actuator/health/readiness";
    }
}
