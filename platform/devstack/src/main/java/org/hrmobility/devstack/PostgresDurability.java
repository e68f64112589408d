package org.hrmobility.devstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How far a commit is on its way to the disk before PostgreSQL answers it. The embedded server starts with
 * {@code fsync} off ({@code -F}); a setting given here comes after it on the server's command line, so it wins.
 */
public enum PostgresDurability {

    /**
     * The embedded server's own settings: a commit answered before its WAL is written, nothing flushed. Fast; a crash
     * of the server can lose the last commits and one of the machine can corrupt the data. Tests and the plain local run.
     */
    FAST(Map.of("synchronous_commit", "off")),

    /**
     * A commit's WAL written before it is answered, still not flushed: a crash of the server (an immediate stop) loses
     * nothing acknowledged, one of the machine can. The small cluster's setting, where the chaos campaign kills the
     * server.
     */
    SYNCHRONOUS_COMMIT(Map.of("synchronous_commit", "on")),

    /**
     * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, as production runs: a commit is on the
     * disk before it is answered and survives the machine's crash. What the performance run measures writes against.
     */
    DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));

    private final Map<String, String> serverSettings;

    PostgresDurability(Map<String, String> serverSettings) {
        this.serverSettings = serverSettings;
    }

    /** The server settings that make it so, each given with {@code -c} when the server starts. */
    public Map<String, String> serverSettings() {
        return serverSettings;
    }

    /** The setting's value: {@code fast}, {@code synchronous-commit} or {@code durable}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PostgresDurability parse(String value, String setting) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.value().equals(wanted)).findFirst()
                .orElseThrow(() -> new DevstackException(setting + " must be one of "
                        + Arrays.stream(values()).map(PostgresDurability::value).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }
}
