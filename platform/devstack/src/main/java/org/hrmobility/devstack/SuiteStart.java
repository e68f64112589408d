package org.hrmobility.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How long the last start of a running suite took, as its launcher timed it: left beside the running suite (a file
 * named after the launcher's pid, deleted at its stop) so that the performance run reports the start of the suite it
 * measures with its other figures. Lives here because the launcher (deploy/local) writes it and the performance run
 * (deploy/load) reads it, and both build on the devstack. A properties file: two programs of one build, no schema.
 *
 * @param readySeconds  from the launcher JVM's start until every process answered ready
 * @param cachesSeconds of those, making the start caches (the first start after a build); 0 on a later start
 * @param processes     each process started, in start order, with its time to ready after its own start
 */
public record SuiteStart(Instant at, double readySeconds, double cachesSeconds, String runtime, List<Process> processes) {

    /** One process of the suite: seconds from its own start to ready, and its resident memory then. */
    public record Process(String name, double readySeconds, long rssMib) {
    }

    public SuiteStart {
        processes = List.copyOf(processes);
    }

    /** A start that made the start caches is the first after a build: not what a start takes, but a one-off. */
    public boolean madeCaches() {
        return cachesSeconds > 0;
    }

    /** Where the launcher with this pid leaves its start: the machine's temporary directory. */
    public static Path file(long launcherPid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "hrm-local-start-" + launcherPid + ".properties");
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("at", at.toString());
        p.setProperty("ready.seconds", number(readySeconds));
        p.setProperty("caches.seconds", number(cachesSeconds));
        p.setProperty("runtime", runtime);
        p.setProperty("processes", String.valueOf(processes.size()));
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            p.setProperty("process." + i + ".name", process.name());
            p.setProperty("process." + i + ".ready.seconds", number(process.readySeconds()));
            p.setProperty("process." + i + ".rss.mib", String.valueOf(process.rssMib()));
        }
        // whole or not at all: a reader polls for the file while the launcher writes it
        Path written = file.resolveSibling(file.getFileName() + ".writing");
        try {
            try (Writer out = Files.newBufferedWriter(written)) {
                p.store(out, "the start of the suite whose launcher has this file's pid; deleted at its stop");
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start the launcher with this pid left, if it left one (a launcher of an older build does not). */
    public static Optional<SuiteStart> read(long launcherPid) {
        Path file = file(launcherPid);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Process> processes = new ArrayList<>();
        int count = Integer.parseInt(p.getProperty("processes", "0"));
        for (int i = 0; i < count; i++) {
            processes.add(new Process(p.getProperty("process." + i + ".name"),
                    Double.parseDouble(p.getProperty("process." + i + ".ready.seconds")),
                    Long.parseLong(p.getProperty("process." + i + ".rss.mib"))));
        }
        return Optional.of(new SuiteStart(Instant.parse(p.getProperty("at")), Double.parseDouble(p.getProperty("ready.seconds")),
                Double.parseDouble(p.getProperty("caches.seconds")), p.getProperty("runtime", ""), processes));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
