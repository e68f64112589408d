package org.hrmobility.console.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as {@code ./run-local} starts it: the launcher ({@code java -jar deploy/local/target/hrm-local.jar up})
 * with every process on a free port, as the launcher's own tests run it; only the gateway keeps 8080, the one address
 * the identity provider accepts in the console's redirect URI (client {@code hrm-web}). Started once per test JVM;
 * stopped as Ctrl-C stops it (services first).
 * <p>
 * The launcher runs as its own process because its jar is a Spring Boot executable jar, whose classes another module
 * cannot load in-process. {@code -Dhrm.browser.suite=http://localhost:8080} uses a suite that is already running.
 */
final class LaunchedSuite implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(300);
    /** The launcher's processes and their port variables (SuiteOptions.portVariable). */
    private static final List<String> PORTS = List.of("KAFKA", "POSTGRES", "SMTP", "IMAP", "IDENTITY_PROVIDER", "MOBILITY",
            "REDEPLOYMENT", "EVALUATION", "NOTIFICATION", "CONSOLE");

    private final Process process;
    private final String gateway;
    private final Deque<String> output = new ArrayDeque<>();
    private final long startedNanos = System.nanoTime();
    private double readySeconds;

    private LaunchedSuite(Process process, String gateway) {
        this.process = process;
        this.gateway = gateway;
    }

    static LaunchedSuite start(Path home, int gatewayPort) {
        String external = System.getProperty("hrm.browser.suite", "");
        if (!external.isBlank()) {
            return new LaunchedSuite(null, external.replaceAll("/$", ""));
        }
        Path jar = home.resolve("deploy/local/target/hrm-local.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is not built: ./mvnw -B -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xss512k", "-Xmx512m", "-jar", jar.toString(), "up"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("HRM_DEVSTACK_DATA_DIR");
        Map<String, Integer> ports = new LinkedHashMap<>();
        PORTS.forEach(name -> ports.put(name, freePort()));
        ports.forEach((name, port) -> env.put("HRM_" + name + "_PORT", Integer.toString(port)));
        env.put("HRM_GATEWAY_PORT", Integer.toString(gatewayPort));
        try {
            LaunchedSuite suite = new LaunchedSuite(builder.start(), "http://localhost:" + gatewayPort);
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "stop-suite"));
            suite.awaitReady();
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the launcher's output until it prints the status table; fails with its last lines if it stops. */
    private void awaitReady() {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.addLast(line);
                        if (output.size() > 60) {
                            output.removeFirst();
                        }
                    }
                    if (line.contains("Press Ctrl-C")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.complete(false);
        }, "suite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(READY.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the suite stopped while starting:\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the suite started");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            close();
            throw new IllegalStateException("the suite was not ready after " + READY.toSeconds() + " s:\n" + tail());
        }
        readySeconds = (System.nanoTime() - startedNanos) / 1e9;
    }

    String gateway() {
        return gateway;
    }

    String console() {
        return gateway + "/console";
    }

    double readySeconds() {
        return readySeconds;
    }

    String tail() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as Ctrl-C: the launcher stops the services, then Kafka and PostgreSQL. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
