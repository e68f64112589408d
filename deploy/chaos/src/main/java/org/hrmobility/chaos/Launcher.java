package org.hrmobility.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite as the launcher runs it ({@code hrm-local.jar up --control ...}), as a child process driven through its
 * standard input: {@code status}, {@code restart <process>}, {@code kill <process>}; answers come back on its standard
 * output as {@code hrm-control <id> ok <json>}. Everything else it prints goes to {@code launcher.log}. Closing its input
 * stops the suite.
 */
final class Launcher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "hrm-control ";

    private final Process process;
    private final Path log;
    private final PrintWriter commands;
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Launcher(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar deploy/local/target/hrm-local.jar up <arguments> --control} in {@code home}. */
    static Launcher start(Path home, Path out, List<String> arguments, Map<String, String> environment) {
        Path jar = home.resolve("deploy/local/target/hrm-local.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is not built: ./mvnw -B -DskipTests package (or run with -am)");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-Xss512k", "-Xmx512m",
                "-Dhrm.home=" + home, "-jar", jar.toString(), "up"));
        command.addAll(arguments);
        command.add("--control");
        try {
            Files.createDirectories(out);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new Launcher(builder.start(), out.resolve("launcher.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the launcher", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until every process of the suite is ready; returns the suite's status. */
    JsonNode awaitReady(Duration timeout) {
        try {
            return ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the suite did not start within " + timeout.toSeconds() + " s (" + e.getMessage()
                    + "); see " + log, e);
        }
    }

    JsonNode status() {
        return send("status", null).join();
    }

    /** A command; its answer (JSON) completes the future, an error completes it exceptionally. */
    CompletableFuture<JsonNode> send(String verb, String processName) {
        String id = "c" + ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (commands) {
            commands.println(id + " " + verb + (processName == null ? "" : " " + processName));
        }
        return answer;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                if (line.startsWith(PREFIX)) {
                    answer(line.substring(PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // the launcher is gone; whoever waits is told below
        }
        IllegalStateException gone = new IllegalStateException("the launcher ended; see " + log);
        ready.completeExceptionally(gone);
        pending.values().forEach(f -> f.completeExceptionally(gone));
    }

    private void answer(String rest) {
        String[] parts = rest.split(" ", 3);
        if (parts[0].equals("ready")) {
            ready.complete(JSON.readTree(rest.substring("ready ".length())));
            return;
        }
        CompletableFuture<JsonNode> answer = pending.remove(parts[0]);
        if (answer == null || parts.length < 3) {
            return;
        }
        if (parts[1].equals("ok")) {
            answer.complete(JSON.readTree(parts[2]));
        } else {
            answer.completeExceptionally(new IllegalStateException(parts[2]));
        }
    }

    /** Closes the launcher's input: it stops the suite (services, Kafka, PostgreSQL) and ends. */
    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Kills a process by its pid (SIGKILL), as a crash would; false if it did not run. */
    static boolean killMinus9(long pid) {
        return ProcessHandle.of(pid).map(p -> {
            boolean sent = p.destroyForcibly();
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's next status
            }
            return sent;
        }).orElse(false);
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
