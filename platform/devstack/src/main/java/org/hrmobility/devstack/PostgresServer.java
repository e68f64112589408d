package org.hrmobility.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server (binaries from a Maven artifact) run by this JVM, with its data in a directory of ours. */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres server;

    public PostgresServer(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, "PostgreSQL", "hrm.devstack.postgres-port (HRM_DEVSTACK_POSTGRES_PORT)");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DevstackException("PostgreSQL did not start on port " + port + " with data in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
        log.info("PostgreSQL ready at localhost:{} in {} ms (data: {})", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDirectory);
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
}
