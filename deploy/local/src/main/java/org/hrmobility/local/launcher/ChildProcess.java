package org.hrmobility.local.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A service started as its own JVM, logging to a file, ready when its readiness probe says UP. */
final class ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Path log;
    private final long startedNanos;
    private final Process process;
    private long readyNanos = -1;

    private ChildProcess(ServiceSpec spec, Path log, Process process, long startedNanos) {
        this.spec = spec;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static ChildProcess start(ServiceSpec spec, Path logDirectory, StartCache cache) throws IOException {
        return launch(spec, cache.command(spec, spec.jvmOptions()), logDirectory);
    }

    /** Starts the spec's process with this JVM command line (up to its jar), then the spec's arguments. */
    static ChildProcess launch(ServiceSpec spec, List<String> jvmCommand, Path logDirectory) throws IOException {
        List<String> command = new ArrayList<>(jvmCommand);
        command.addAll(spec.arguments());
        Path log = logDirectory.resolve(spec.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(spec.environment());
        builder.environment().put("SERVER_PORT", String.valueOf(spec.port()));
        return new ChildProcess(spec, log, builder.start(), System.nanoTime());
    }

    ServiceSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    /** The exit code once it has stopped, as a word for a log line. */
    String exitCode() {
        return process.isAlive() ? "still running" : "exit code " + process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log;
    }

    double readySeconds() {
        return readyNanos < 0 ? -1 : (readyNanos - startedNanos) / 1e9;
    }

    /** Polls the readiness probe until UP; fails with the end of the log if the process dies or times out. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.readinessUrl())).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LaunchException(spec.name() + " stopped while starting (exit code " + process.exitValue()
                        + "). The end of its log, " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    readyNanos = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new LaunchException(spec.name() + " was not ready after " + timeout.toSeconds() + " s. The end of its log, "
                + log + ":\n" + tail(40));
    }

    /** SIGTERM, so Spring shuts down gracefully. */
    void terminate() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the exit after {@link #terminate()}; after the grace period, kills. */
    void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
