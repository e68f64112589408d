package org.hrmobility.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from a Maven artifact) run by this JVM, with its data in a directory of ours.
 * <p>
 * How durable a commit is before it is answered is its {@link PostgresDurability}: by default {@code FAST} (the embedded
 * server's own settings); with {@code SYNCHRONOUS_COMMIT} an {@link #restartImmediately() immediate restart} (a crash of
 * the server, not of the machine) loses no acknowledged transaction; {@code DURABLE} is production's fsync.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final int port;
    private final Path dataDirectory;
    private final PostgresDurability durability;
    private EmbeddedPostgres server;

    public PostgresServer(int port, Path dataDirectory) {
        this(port, dataDirectory, PostgresDurability.FAST);
    }

    public PostgresServer(int port, Path dataDirectory, PostgresDurability durability) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.durability = durability;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public synchronized boolean isRunning() {
        return server != null && pid() > 0;
    }

    /**
     * The postmaster's process id (the first line of {@code postmaster.pid}: the embedded server starts it through
     * {@code pg_ctl}, which exits), or -1 when the server does not run.
     */
    public synchronized long pid() {
        if (server == null) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            long pid = lines.findFirst().map(String::trim).map(Long::parseLong).orElse(-1L);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : -1;
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return -1;
        }
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, "PostgreSQL", "hrm.devstack.postgres-port (HRM_DEVSTACK_POSTGRES_PORT)");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost");
            durability.serverSettings().forEach(builder::setServerConfig);
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new DevstackException("PostgreSQL did not start on port " + port + " with data in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
        log.info("PostgreSQL ready at localhost:{} in {} ms (data: {}, commits {})", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDirectory, durability.value());
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new DevstackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } finally {
            server = null;
        }
        log.info("PostgreSQL at localhost:{} stopped", port);
    }

    /**
     * Stops the server at once, as {@code pg_ctl stop -m immediate} does (SIGQUIT: every connection dropped, no
     * checkpoint; the next start recovers from the WAL), and starts it again on the same data directory and port.
     *
     * @return how long it was away, in milliseconds
     */
    public synchronized long restartImmediately() {
        long started = System.nanoTime();
        stopImmediately();
        start();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("PostgreSQL at localhost:{} restarted after an immediate stop in {} ms", port, millis);
        return millis;
    }

    /** SIGQUIT to the postmaster (an immediate shutdown), then the embedded server's bookkeeping (its lock) let go. */
    public synchronized void stopImmediately() {
        if (server == null) {
            return;
        }
        long pid = pid();
        try {
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isPresent()) {
                Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).inheritIO().start();
                kill.waitFor(10, TimeUnit.SECONDS);
                try {
                    postmaster.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new DevstackException("PostgreSQL (pid " + pid + ") did not stop within 30 s of SIGQUIT");
                }
            }
            // pg_ctl stop now finds no server, which the embedded server logs as an error: expected here
            QuietServerLogs.silenced("io.zonky", () -> {
                try {
                    server.close();
                } catch (IOException e) {
                    log.debug("embedded PostgreSQL's close after an immediate stop", e);
                }
            });
        } catch (IOException e) {
            throw new DevstackException("cannot stop PostgreSQL immediately: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while stopping PostgreSQL");
        } finally {
            server = null;
        }
        log.info("PostgreSQL at localhost:{} stopped immediately", port);
    }
}
