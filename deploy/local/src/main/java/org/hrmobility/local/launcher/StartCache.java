package org.hrmobility.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.hrmobility.devstack.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lets a process of the suite start in a few seconds: its jar extracted once (Spring
 * Boot's {@code jarmode=tools extract}), so that its classes load from the application class path, which class-data
 * archives can hold (the classes nested in a Spring Boot jar cannot be archived), and an archive of the classes its
 * first run loaded:
 * <ul>
 *   <li>on a JDK 25 or later, the ahead-of-time cache (JEP 483 and 514): classes loaded and linked
 *   ({@code -XX:AOTCacheOutput} when trained, {@code -XX:AOTCache} at every start);</li>
 *   <li>on an older one (17), a dynamic CDS archive ({@code -XX:ArchiveClassesAtExit}, {@code -XX:SharedArchiveFile}).</li>
 * </ul>
 * The archive is made once per build, before the first start ({@link #train}). The services run on the newest JDK 25
 * or later found ({@code HRM_SERVICE_JAVA_HOME}, else under /usr/lib/jvm), else on the launcher's own. A rebuilt jar
 * starts over (extracted again, trained again); an archive that does not fit the JVM is ignored by it with a
 * warning, never a failed start. {@code HRM_START_CACHE=off}: the jars as built, on the launcher's JDK, as before.
 * <p>
 * The launcher gets one too, for its next start: most of its start is Kafka's (thousands of classes), on the same two
 * cores as every other start. It is trained by a rehearsal ({@link LocalSuite#rehearse}), and {@code run-local} starts
 * the launcher with the command in {@link #LAUNCHER_COMMAND} while that file is newer than the launcher's jar; a
 * rebuilt jar is started as built once, and trained again.
 */
final class StartCache {

    static final int AOT_CACHE_FEATURE = 25;
    /** The launcher's own cache, and the file {@code run-local} reads its start command from (one argument a line). */
    static final String LAUNCHER = "launcher";
    static final String LAUNCHER_COMMAND = "command";
    /** The launcher's JVM options, as {@code run-local} starts it from the jar as built; its archive is made with them. */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx512m");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    private static final Logger log = LoggerFactory.getLogger(StartCache.class);

    private final Path root;
    private final Java java;
    private final boolean enabled;
    private final Set<ChildProcess> training = ConcurrentHashMap.newKeySet();
    private volatile Process rehearsal;
    /** Set by {@link #close}: no training starts after it (under the lock of {@code training}, as each start). */
    private volatile boolean closed;

    /** The JVM the processes run on: its {@code bin/java} and its feature version. */
    record Java(Path executable, int feature) {

        static Java of(Path home) {
            return new Java(home.resolve("bin").resolve("java"), feature(home));
        }

        boolean hasAotCache() {
            return feature >= AOT_CACHE_FEATURE;
        }

        private static int feature(Path home) {
            Path release = home.resolve("release");
            try {
                if (Files.exists(release)) {
                    for (String line : Files.readAllLines(release)) {
                        if (line.startsWith("JAVA_VERSION=")) {
                            return Integer.parseInt(line.replaceAll("[^0-9.]", "").split("\\.")[0]);
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // an unreadable release file: fall through to the running JVM's version
            }
            return home.equals(Path.of(System.getProperty("java.home"))) ? Runtime.version().feature() : 0;
        }
    }

    StartCache(Path root, Java java, boolean enabled) {
        this.root = root;
        this.java = java;
        this.enabled = enabled;
    }

    /** The cache under the launcher's build directory, on the JVM the environment names or the newest one found. */
    static StartCache of(Path home, Function<String, String> env) {
        boolean enabled = !"off".equalsIgnoreCase(env.apply("HRM_START_CACHE"));
        Java own = Java.of(Path.of(System.getProperty("java.home")));
        Java java = !enabled ? own : Optional.ofNullable(env.apply("HRM_SERVICE_JAVA_HOME")).filter(s -> !s.isBlank())
                .map(Path::of).map(Java::of)
                .orElseGet(() -> newestWithAotCache(Path.of("/usr/lib/jvm")).filter(found -> found.feature() > own.feature()).orElse(own));
        return new StartCache(home.resolve("deploy/local/target/start-cache"), java, enabled);
    }

    static Optional<Java> newestWithAotCache(Path jvms) {
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.exists(home.resolve("release")))
                    .map(Java::of).filter(Java::hasAotCache).max(Comparator.comparingInt(Java::feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Java java() {
        return java;
    }

    /** For the status table: the JVM and the kind of archive, and whether the launcher itself started with one. */
    String describe() {
        return "Java " + java.feature() + (!enabled ? ", no start cache (HRM_START_CACHE=off)"
                : (java.hasAotCache() ? ", extracted jars with an ahead-of-time cache" : ", extracted jars with a class-data archive")
                + (launcherRunsFromCache() ? " (the launcher's too)" : ""));
    }

    /** Whether this JVM is the launcher started from its own cache (the class path is the extracted jar there). */
    private boolean launcherRunsFromCache() {
        return Path.of(System.getProperty("java.class.path", "")).toAbsolutePath().normalize()
                .startsWith(root.resolve(LAUNCHER).toAbsolutePath().normalize());
    }

    /** How a process is started: the JVM, the archive when there is one, and the jar (the extracted one, when cached). */
    List<String> command(ServiceSpec spec, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.executable().toString());
        command.addAll(jvmOptions);
        Path jar = spec.jar();
        if (enabled) {
            try {
                Path dir = root.resolve(spec.service());
                jar = extracted(spec.jar(), dir);
                Path archive = archive(dir);
                if (Files.exists(archive)) {
                    command.add(useArchive(archive));
                }
            } catch (IOException e) {
                // no cache is slower, never broken
                jar = spec.jar();
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * Makes the archive of every process that has none yet (the first start after a build), two at a time: each one
     * starts once on its extracted jar and a free port, with the suite's databases and brokers already running, until
     * it is ready (what a start loads, the web server and the consumers included), and is stopped; at its exit the JVM
     * writes the archive. A process whose training fails simply starts without one. The launcher's own archive, for its
     * next start, is made beside them when {@code launcherJar} is given.
     *
     * @return the processes trained now (none when every archive exists or the cache is off)
     */
    List<String> train(List<ServiceSpec> specs, Optional<Path> launcherJar, Path logDirectory) throws InterruptedException {
        if (!enabled) {
            return List.of();
        }
        Map<String, Callable<Boolean>> untrained = new LinkedHashMap<>();
        for (ServiceSpec spec : specs) {
            if (!isTrained(spec)) {
                untrained.putIfAbsent(spec.service(), () -> trainOne(spec, logDirectory));
            }
        }
        launcherJar.filter(jar -> !isLauncherTrained(jar)).ifPresent(jar -> untrained.put(LAUNCHER, () -> trainLauncher(jar, logDirectory)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Boolean>> runs = new LinkedHashMap<>();
            untrained.forEach((name, training) -> runs.put(name, pool.submit(training)));
            List<String> trained = new ArrayList<>();
            for (Map.Entry<String, Future<Boolean>> run : runs.entrySet()) {
                try {
                    if (run.getValue().get()) {
                        trained.add(run.getKey());
                    }
                } catch (ExecutionException e) {
                    // that one starts without an archive
                }
            }
            return trained;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the process can start now as it always will: its archive made, or no cache to make (off, or a jar that cannot be extracted). */
    boolean isTrained(ServiceSpec spec) {
        if (!enabled) {
            return true;
        }
        Path dir = root.resolve(spec.service());
        try {
            extracted(spec.jar(), dir);
            return Files.exists(archive(dir));
        } catch (IOException e) {
            // started from its jar as built
            return true;
        }
    }

    private boolean trainOne(ServiceSpec spec, Path logDirectory) throws IOException, InterruptedException {
        Path dir = root.resolve(spec.service());
        Path archive = archive(dir);
        List<String> command = new ArrayList<>();
        command.add(java.executable().toString());
        command.addAll(spec.jvmOptions());
        command.add(writeArchiveAtExit(archive));
        command.add("-jar");
        command.add(extracted(spec.jar(), dir).toString());
        // on a port of its own, whatever runs where the service will; its log beside the service's
        ServiceSpec trainee = new ServiceSpec(spec.service() + ".training", spec.service(), spec.portKey(), Ports.pickFree(), spec.jar(),
                spec.arguments(), spec.database(), spec.environment());
        ChildProcess child;
        synchronized (training) {
            if (closed) {
                return false;
            }
            child = ChildProcess.launch(trainee, command, logDirectory);
            training.add(child);
        }
        try {
            child.awaitReady(TRAINING_TIMEOUT);
            // ready: what a start loads is loaded; at its exit the JVM writes the archive
            child.terminate();
            child.awaitExit(TRAINING_TIMEOUT);
            if (!Files.exists(archive)) {
                // seen once on a fresh clone, not explained yet: what it needs to be told apart from a slow exit
                log.warn("{}'s training run ended ({}) without writing its start cache; it starts without one (its log: {})",
                        spec.service(), child.exitCode(), child.log());
                return false;
            }
            return true;
        } catch (LaunchException e) {
            log.warn("{}'s training run did not get ready ({}); it starts without a start cache", spec.service(), e.getMessage());
            Files.deleteIfExists(archive);
            return false;
        } finally {
            if (child.isAlive()) {
                child.kill();
            }
            training.remove(child);
        }
    }

    /**
     * Whether the launcher's next start has its cache: the command {@code run-local} reads, and the archive it names. A
     * launcher started from that cache counts as trained: its directory is never extracted again under it.
     */
    boolean isLauncherTrained(Path launcherJar) {
        if (launcherRunsFromCache()) {
            return true;
        }
        Path dir = root.resolve(LAUNCHER);
        try {
            extracted(launcherJar, dir);
            return Files.exists(archive(dir)) && Files.exists(dir.resolve(LAUNCHER_COMMAND));
        } catch (IOException e) {
            // run-local starts the launcher from its jar as built
            return true;
        }
    }

    /**
     * Trains the launcher's archive with a rehearsal of its own start ({@link LocalSuite#rehearse}, on free ports), and
     * writes the command that starts it with the archive: the JVM, the launcher's options, the archive, the extracted jar.
     */
    private boolean trainLauncher(Path launcherJar, Path logDirectory) throws IOException, InterruptedException {
        Path dir = root.resolve(LAUNCHER);
        Path archive = archive(dir);
        Path jar = extracted(launcherJar, dir);
        List<String> start = new ArrayList<>();
        start.add(java.executable().toString());
        start.addAll(LAUNCHER_JVM_OPTIONS);
        List<String> rehearse = new ArrayList<>(start);
        rehearse.add(writeArchiveAtExit(archive));
        rehearse.addAll(List.of("-jar", jar.toString(), "rehearse"));
        Path logFile = logDirectory.resolve(LAUNCHER + ".training.log");
        Process process;
        synchronized (training) {
            if (closed) {
                return false;
            }
            process = new ProcessBuilder(rehearse).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            rehearsal = process;
        }
        try {
            if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(archive)) {
                log.warn("the launcher's rehearsal did not make its start cache; the launcher starts from its jar as built (its log: {})",
                        logFile);
                Files.deleteIfExists(archive);
                return false;
            }
        } finally {
            process.destroyForcibly();
            rehearsal = null;
        }
        start.add(useArchive(archive));
        if (java.hasAotCache()) {
            // JDK 25 warns at some starts that it regenerated an adapter whose fingerprint collided in the cache
            // (JDK-8364929, fixed after 25): harmless, and not for the terminal; a cache that does not fit only slows the start
            start.add("-Xlog:aot*=error");
        }
        start.addAll(List.of("-jar", jar.toString()));
        Path command = dir.resolve(LAUNCHER_COMMAND);
        Path written = Files.write(dir.resolve(LAUNCHER_COMMAND + ".new"), start);
        Files.move(written, command, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Stops what is still training (the suite stopped while it made its caches). */
    void close() {
        synchronized (training) {
            closed = true;
        }
        training.forEach(ChildProcess::kill);
        Process running = rehearsal;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** The option that makes a JVM write its archive when it exits (a training run). */
    private String writeArchiveAtExit(Path archive) {
        return (java.hasAotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive;
    }

    /** The option that makes a JVM start with the archive mapped. */
    private String useArchive(Path archive) {
        return (java.hasAotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
    }

    private Path archive(Path dir) {
        return dir.resolve(java.hasAotCache() ? "app.aot" : "app.jsa");
    }

    /** The jar extracted into {@code dir}, again when the built jar changed (which also drops its archives). */
    Path extracted(Path jar, Path dir) throws IOException {
        String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + java.feature();
        Path marker = dir.resolve("built-from");
        Path runJar = dir.resolve(jar.getFileName());
        if (Files.exists(marker) && Files.readString(marker).equals(stamp) && Files.exists(runJar)) {
            return runJar;
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Process extract = new ProcessBuilder(java.executable().toString(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", dir.toString(), "--force").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.exists(runJar)) {
                extract.destroyForcibly();
                throw new IOException("extracting " + jar + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar);
        }
        Files.writeString(marker, stamp);
        return runJar;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
