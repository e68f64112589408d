package org.hrmobility.load.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.SuiteStart;

/**
 * Each service started alone by {@code ./run-local --only <service>} (its own devstack and identity provider, the
 * launcher on its start cache when it has one), with every port moved to a free one so that the suite measured keeps
 * running: the service's time to ready after its own start, read from the start its launcher leaves ({@link SuiteStart}).
 */
final class AloneStarts {

    /** The services a user may start alone, by the name {@code --only} takes. */
    static final List<String> SERVICES = List.of("mobility", "redeployment", "evaluation", "notification");
    /** Every port of a suite, as the launcher's variables {@code HRM_<NAME>_PORT} name them. */
    private static final List<String> PORTS = List.of("KAFKA", "POSTGRES", "SMTP", "IMAP", "IDENTITY_PROVIDER", "GATEWAY", "MOBILITY",
            "REDEPLOYMENT", "EVALUATION", "NOTIFICATION", "CONSOLE");
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    /**
     * One service's start alone, or why it has none.
     *
     * @param start the start its launcher left; empty when it was not ready in time or failed ({@code failure} says how)
     */
    record Alone(String service, Optional<SuiteStart> start, String failure) {

        /** The service's own process: its time to ready after its own start. */
        Optional<SuiteStart.Process> process() {
            return start.flatMap(s -> s.processes().stream().filter(p -> p.name().equals(service + "-service")).findFirst());
        }
    }

    private final Path home;

    AloneStarts(Path home) {
        this.home = home;
    }

    List<Alone> measure() throws InterruptedException {
        List<Alone> all = new ArrayList<>();
        for (String service : SERVICES) {
            Alone alone = startAlone(service);
            System.out.printf("  %s alone: %s%n", service, alone.process()
                    .map(p -> String.format("ready %.1f s after its own start (the launcher's start to ready: %.1f s)", p.readySeconds(),
                            alone.start().orElseThrow().readySeconds()))
                    .orElse(alone.failure()));
            all.add(alone);
        }
        return all;
    }

    private Alone startAlone(String service) throws InterruptedException {
        Path log = home.resolve("deploy/load/target/alone-" + service + ".log");
        // run-local execs the launcher it would start for a user (on its start cache when it has one): the same pid
        ProcessBuilder builder = new ProcessBuilder(home.resolve("run-local").toString(), "--only", service).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        PORTS.forEach(name -> env.put("HRM_" + name + "_PORT", String.valueOf(Ports.pickFree())));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            return new Alone(service, Optional.empty(), "not started: " + e.getMessage());
        }
        try {
            long until = System.nanoTime() + AT_MOST.toNanos();
            while (System.nanoTime() < until && process.isAlive()) {
                Optional<SuiteStart> start = SuiteStart.read(process.pid());
                if (start.isPresent()) {
                    return new Alone(service, start, "");
                }
                Thread.sleep(200);
            }
            return new Alone(service, Optional.empty(), process.isAlive() ? "not ready within " + AT_MOST.toMinutes() + " min (" + log + ")"
                    : "ended with " + process.exitValue() + " before it was ready (" + log + ")");
        } finally {
            // SIGTERM: the launcher stops what it started, and deletes its start
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                // what it started too (a build run-local began, if sources were newer than the jar)
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
