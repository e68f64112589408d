package org.hrmobility.load.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU and resident memory of each process of the local suite while a phase runs, read from /proc once a second:
 * the launcher (Kafka and the mail server), PostgreSQL (all its processes together), the identity provider, the
 * gateway and each service, found as the launcher's descendants; and this load driver, which shares the machine.
 */
final class ProcessSampler implements AutoCloseable {

    static final String POSTGRES = "PostgreSQL (all processes)";
    static final String DRIVER = "load driver (not the suite)";

    /** Linux's USER_HZ: /proc counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * One process (or group) over the sampled time: average CPU in % of one core, the largest RSS, and the largest
     * PSS (shared pages divided among the processes that share them: PostgreSQL's shared buffers count once).
     */
    record Usage(String process, double cpuPercent, long maxRssMib, long maxPssMib) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "process-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> firstTicks = new LinkedHashMap<>();
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final Map<String, Long> maxRss = new HashMap<>();
    private final Map<String, Long> maxPss = new HashMap<>();
    private long maxTotalRss;
    private long firstNanos;
    private long lastNanos;
    private final int postgresPort;
    private final Map<String, Long> others;

    private ProcessSampler(int postgresPort, Map<String, Long> others) {
        this.postgresPort = postgresPort;
        this.others = others;
    }

    /** Starts sampling; {@link #stop()} ends it and returns the usage per process, in the suite's order. */
    static ProcessSampler start(int postgresPort) {
        return start(postgresPort, Map.of());
    }

    /** The same, and these processes besides (name to pid, with their descendants): one the driver started itself. */
    static ProcessSampler start(int postgresPort, Map<String, Long> others) {
        ProcessSampler sampler = new ProcessSampler(postgresPort, Map.copyOf(others));
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 1, TimeUnit.SECONDS);
        return sampler;
    }

    /** Ends the sampling with a last reading (so the whole phase counts) and returns the usage per process. */
    synchronized List<Usage> stop() {
        timer.shutdownNow();
        sample();
        double seconds = (lastNanos - firstNanos) / 1e9;
        return firstTicks.keySet().stream()
                .map(name -> new Usage(name, seconds <= 0 ? 0
                        : Math.max(0, lastTicks.get(name) - firstTicks.get(name)) / TICKS_PER_SECOND / seconds * 100,
                        maxRss.getOrDefault(name, 0L), maxPss.getOrDefault(name, 0L)))
                .toList();
    }

    /** Seconds between the first reading and the last: CPU seconds of a process are its cpuPercent / 100 times these. */
    synchronized double sampledSeconds() {
        return (lastNanos - firstNanos) / 1e9;
    }

    /** The largest sum of the suite's PSS at one moment (without this driver): what the suite takes from the machine. */
    synchronized long maxTotalPssMib() {
        return maxTotalRss;
    }

    private synchronized void sample() {
        Map<String, long[]> now = new LinkedHashMap<>();
        launcher().ifPresent(l -> {
            add(now, "Kafka and mail (launcher JVM)", l.pid());
            l.descendants().forEach(p -> add(now, nameOf(p), p.pid()));
        });
        // PostgreSQL runs as a daemon (its parent is init, not the launcher): found by its port
        ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/postgres")
                        && p.info().commandLine().orElse("").contains("-p " + postgresPort + " "))
                .forEach(postmaster -> {
                    add(now, POSTGRES, postmaster.pid());
                    postmaster.descendants().forEach(backend -> add(now, POSTGRES, backend.pid()));
                });
        others.forEach((name, pid) -> {
            add(now, name, pid);
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> add(now, name, d.pid())));
        });
        add(now, DRIVER, ProcessHandle.current().pid());
        long nanos = System.nanoTime();
        if (firstTicks.isEmpty()) {
            firstNanos = nanos;
        }
        lastNanos = nanos;
        long total = 0;
        for (Map.Entry<String, long[]> e : now.entrySet()) {
            firstTicks.putIfAbsent(e.getKey(), e.getValue()[0]);
            lastTicks.put(e.getKey(), e.getValue()[0]);
            maxRss.merge(e.getKey(), e.getValue()[1], Math::max);
            maxPss.merge(e.getKey(), e.getValue()[2], Math::max);
            if (!e.getKey().equals(DRIVER)) {
                total += e.getValue()[2];
            }
        }
        maxTotalRss = Math.max(maxTotalRss, total);
    }

    /** Adds a process's CPU ticks and RSS to its group (PostgreSQL's many processes are one group). */
    private static void add(Map<String, long[]> groups, String name, long pid) {
        long[] reading = read(pid);
        if (name == null || reading == null) {
            return;
        }
        groups.merge(name, reading, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
    }

    /** The launcher of the suite running on this machine (./run-local), if one runs. */
    static Optional<ProcessHandle> launcher() {
        return ProcessHandle.allProcesses().filter(ProcessSampler::isLauncher).findFirst();
    }

    private static boolean isLauncher(ProcessHandle p) {
        String line = p.info().commandLine().orElse("");
        return line.contains("hrm-local.jar up") || (line.contains("hrm-local.jar") && line.endsWith(" up"));
    }

    /** The suite's name for a descendant of the launcher, or null for what is not part of it. */
    private static String nameOf(ProcessHandle p) {
        String command = p.info().command().orElse("");
        String line = p.info().commandLine().orElse("");
        if (line.contains("hrm-local.jar")) {
            return "identity provider";
        }
        int jar = line.indexOf("-jar ");
        if (jar < 0) {
            return null;
        }
        String path = line.substring(jar + 5).split(" ")[0];
        return Path.of(path).getFileName().toString().replaceFirst("(-\\d.*)?\\.jar$", "");
    }

    /** utime + stime in ticks, VmRSS and Pss in MiB; null when the process is gone. */
    private static long[] read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rssKib = kib(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            long pssKib = kib(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
            return new long[] {ticks, rssKib / 1024, pssKib / 1024};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kib(Path file, String field) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(field)).findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
