package org.hrmobility.load.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.PostgresDurability;
import org.hrmobility.devstack.PostgresServer;
import org.hrmobility.load.Suite;
import org.hrmobility.load.SyntheticEmployees;

/**
 * The redeployment flow on a peer, Operaton (the open-source Camunda 7 fork, deploy/load/peer), beside the same flow
 * on the suite, timed alike: flows arriving at a steady rate through {@link OpenLoad} ({@link FlowLoad}), stepped up
 * until the p99 of the flows' steps passes 100 ms; CPU per flow and memory of each system's processes from /proc
 * ({@link ProcessSampler}). The peer is started here, on a PostgreSQL of the devstack's build (its own server, or the
 * one {@code -Dpeer.postgres} names), twice over the same JVM: a cold round right after start, then a warm one. The
 * suite is measured when it runs ({@code ./run-local}), two rounds too. The last phase of {@link PerformanceRun}
 * ({@code peer}), which prints its summary and writes it into docs/performance.md. Not a test: nothing passes or fails.
 */
final class PeerRun {

    static final String PEER = "Operaton peer (JVM)";
    /** The suite's services run with these (deploy/local, ServiceSpec.TUNED_JVM): the peer gets the same. */
    static final List<String> TUNED_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx192m", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError");
    /** Past this p99 (or 1 % of flows failing) a step-up stops: the rates above would only pile up. */
    private static final double HOPELESS_P99_MS = 1000;

    private final Path peerJar = Path.of(System.getProperty("peer.jar", "peer/target/hrm-peer-operaton.jar"));
    private final int peerPort = Integer.getInteger("peer.port", 8090);
    /** own: a PostgreSQL of the devstack's build started here; or the JDBC URL of a running server's maintenance database. */
    private final String postgres = System.getProperty("peer.postgres", "own");
    /** The durability of the PostgreSQL started here: fast (the devstack's default), synchronous-commit or durable. */
    private final PostgresDurability durability = PostgresDurability.parse(System.getProperty("peer.durability", "fast"), "peer.durability");
    private final String historyLevel = System.getProperty("peer.history", "full");
    private final List<Double> rates = Arrays.stream(System.getProperty("peer.rates", "4,8,12,16,20,24,28,32,40").split(","))
            .map(String::trim).map(Double::valueOf).toList();
    private final Duration step = Duration.ofSeconds(Integer.getInteger("peer.step.seconds", 10));
    private final List<String> rounds = List.of(System.getProperty("peer.rounds", "cold,warm").split(","));
    /** auto: the suite's side too when its identity provider answers; true: required; false: the peer alone. */
    private final String withSuite = System.getProperty("peer.suite", "auto");
    /** Before each round but the first (the cold one): flows at the first rate for this long, not measured. */
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("peer.warmup.seconds", 30));
    private final String suiteJdbc = System.getProperty("hrm.jdbc", "jdbc:postgresql://localhost:15432/postgres");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final FlowLoad flows = new FlowLoad(http);

    /** Before a run that will end with the peer: its jar must be there, or minutes of other phases are lost. */
    void requireJar() {
        if (!Files.isRegularFile(peerJar)) {
            throw new IllegalStateException("no peer at " + peerJar.toAbsolutePath() + ": build it with ./mvnw -B -pl deploy/load/peer package"
                    + " (the performance run's command, -pl deploy/load/peer,deploy/load, builds it)");
        }
    }

    /** The peer, then the suite when it runs, each in the rounds asked for; called by {@link PerformanceRun} as its last phase. */
    PeerSummary run() throws Exception {
        requireJar();
        PeerSummary.System peer;
        try (Database db = database()) {
            peer = measurePeer(db);
        }
        PeerSummary.System suite = null;
        String suiteNote = "not asked for (-Dpeer.suite=false)";
        if (!"false".equals(withSuite)) {
            Suite running = Suite.fromSystemProperties(0, 0);
            try {
                running.token("hana");
                suite = measureSuite(running);
            } catch (RuntimeException e) {
                if ("true".equals(withSuite)) {
                    throw e;
                }
                suiteNote = "the suite was not running (" + e.getMessage() + ")";
                System.out.println("\n== the suite's side is left out: " + suiteNote);
            }
        }
        return new PeerSummary(peer, suite, suiteNote);
    }

    private PeerSummary.System measurePeer(Database db) throws Exception {
        Path log = peerJar.toAbsolutePath().getParent().resolve("peer-run.log");
        step("starting the peer (%s) on %s, history level %s; its output in %s", peerJar.getFileName(), db.jdbcUrl("peer"), historyLevel, log);
        PeerFlows peerFlows = new PeerFlows(flows, "http://localhost:" + peerPort);
        try (PeerProcess process = PeerProcess.start(peerJar, peerPort, db, historyLevel, log, peerFlows.readiness(), http)) {
            String version = operatonVersion();
            System.out.printf("  ready in %.1f s, Operaton %s%n", process.readySeconds, version);
            ProcessSampler idle = ProcessSampler.start(db.port(), Map.of(PEER, process.pid()));
            Thread.sleep(1500);
            long idleRss = idle.stop().stream().filter(u -> u.process().equals(PEER)).mapToLong(ProcessSampler.Usage::maxRssMib).max().orElse(0);
            Predicate<String> counts = name -> name.equals(PEER) || name.equals(ProcessSampler.POSTGRES);
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<List<FlowLoad.FlowRun>> byRound = new ArrayList<>();
            for (String round : rounds) {
                int[] flowNumber = {0};
                IntFunction<PeerFlows.Flow> newFlow = i -> new PeerFlows.Flow("P-" + run + "-" + round + "-" + flowNumber[0]++);
                byRound.add(stepUp("Operaton peer, " + round, !byRound.isEmpty(), db.port(), Map.of(PEER, process.pid()), counts, newFlow,
                        peerFlows.steps()));
            }
            return new PeerSummary.System("Operaton " + version + " (history " + historyLevel + ")", 15, process.readySeconds, idleRss,
                    rounds, byRound, Machine.describe(db.adminUrl()));
        }
    }

    private PeerSummary.System measureSuite(Suite suite) throws Exception {
        int needed = (int) (rounds.size() * rates.stream().mapToDouble(r -> r * step.toSeconds()).sum()
                + (rounds.size() - 1) * rates.get(0) * warmUp.toSeconds()) + 10;
        step("the suite: publishing %d employees as master data, and waiting for every service to take them in", needed);
        Iterator<String> employees = SyntheticEmployees.publish(suite, needed).iterator();
        MasterData.awaitTakenIn(suite.kafka(), Duration.ofMinutes(5));
        SuiteFlows suiteFlows = new SuiteFlows(flows, suite);
        int postgresPort = URI.create(suiteJdbc.substring("jdbc:".length())).getPort();
        Predicate<String> counts = name -> !name.equals(ProcessSampler.DRIVER) && !name.equals(PEER);
        List<List<FlowLoad.FlowRun>> byRound = new ArrayList<>();
        for (String round : rounds) {
            IntFunction<SuiteFlows.Flow> newFlow = i -> {
                synchronized (employees) {
                    return employees.hasNext() ? new SuiteFlows.Flow(employees.next()) : null;
                }
            };
            byRound.add(stepUp("suite, " + round, !byRound.isEmpty(), postgresPort, Map.of(), counts, newFlow, suiteFlows.steps()));
        }
        return new PeerSummary.System("the suite, through the gateway", 8, Double.NaN, 0, rounds, byRound, Machine.describe(suiteJdbc));
    }

    /** Flows at each rate for a step's length, CPU and memory sampled meanwhile; stops once a step is hopeless. */
    private <F> List<FlowLoad.FlowRun> stepUp(String system, boolean warm, int postgresPort, Map<String, Long> others, Predicate<String> counts,
                                             IntFunction<F> newFlow, List<FlowLoad.Step<F>> steps) {
        if (warm) {
            step("%s: warming up with flows at %.0f a second for %d s (not measured)", system, rates.get(0), warmUp.toSeconds());
            System.out.println("  " + flows.run("warm-up", rates.get(0), warmUp, newFlow, steps).steps());
        }
        step("%s: flows at %s a second, %d s each", system, rates, step.toSeconds());
        List<FlowLoad.FlowRun> runs = new ArrayList<>();
        for (double rate : rates) {
            ProcessSampler sampler = ProcessSampler.start(postgresPort, others);
            FlowLoad.FlowRun run = flows.run(String.format("%s at %.0f/s", system, rate), rate, step, newFlow, steps);
            List<ProcessSampler.Usage> usage = sampler.stop();
            double seconds = sampler.sampledSeconds();
            List<ProcessSampler.Usage> measured = usage.stream().filter(u -> counts.test(u.process())).toList();
            double cpu = measured.stream().mapToDouble(u -> u.cpuPercent() / 100 * seconds).sum();
            long pss = measured.stream().mapToLong(ProcessSampler.Usage::maxPssMib).sum();
            List<ProcessSampler.Usage> shown = usage.stream().filter(u -> counts.test(u.process()) || u.process().equals(ProcessSampler.DRIVER))
                    .toList();
            run = run.withUsage(cpu, pss, shown);
            System.out.printf("  %5.0f/s  %s%n         flows: p50 %.1f ms, p99 %.1f ms; CPU %.1f ms a flow; PSS %,d MiB%n", rate, run.steps(),
                    run.flows().p50(), run.flows().p99(), run.cpuMillisPerFlow(), pss);
            shown.forEach(u -> System.out.printf("         %-32s CPU %4.0f %%  RSS %,5d MiB  PSS %,5d MiB%n", u.process(), u.cpuPercent(),
                    u.maxRssMib(), u.maxPssMib()));
            runs.add(run);
            if (run.steps().p99() > HOPELESS_P99_MS || run.flows().errorCount() > Math.max(1, run.flows().count() / 100)) {
                System.out.println("  (far past the goal: the higher rates are left out)");
                break;
            }
        }
        return runs;
    }

    private String operatonVersion() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + peerPort + "/engine-rest/version"))
                    .header("Authorization", PeerFlows.basic("hana")).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            return version.find() ? version.group(1) : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private Database database() throws Exception {
        if (!"own".equals(postgres)) {
            Database running = new Database(null, null, postgres);
            running.recreatePeer();
            return running;
        }
        Path data = Files.createTempDirectory("hrm-peer-postgres-");
        PostgresServer server = new PostgresServer(Ports.pickFree(), data, durability);
        step("starting PostgreSQL (the devstack's build and settings, commits %s) on port %d", durability.value(), server.port());
        server.start();
        Database own = new Database(server, data, "jdbc:postgresql://localhost:" + server.port() + "/postgres");
        own.recreatePeer();
        return own;
    }

    /** The PostgreSQL the peer runs on: one started here (stopped and deleted at the end), or a running one. */
    private record Database(PostgresServer server, Path data, String adminUrl) implements AutoCloseable {

        int port() {
            return URI.create(adminUrl.substring("jdbc:".length())).getPort();
        }

        String jdbcUrl(String database) {
            return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        }

        /** A fresh database for each run: the peer's tables are created by the engine at its start. */
        void recreatePeer() throws Exception {
            try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres"); Statement s = admin.createStatement()) {
                s.execute("drop database if exists peer with (force)");
                s.execute("create database peer");
            }
        }

        @Override
        public void close() throws IOException {
            if (server == null) {
                return;
            }
            server.stop();
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The peer's JVM, started with the suite's JVM settings, ready when its REST API answers hana. */
    private static final class PeerProcess implements AutoCloseable {

        private final Process process;
        private final double readySeconds;

        private PeerProcess(Process process, double readySeconds) {
            this.process = process;
            this.readySeconds = readySeconds;
        }

        static PeerProcess start(Path jar, int port, Database db, String historyLevel, Path log, HttpRequest readiness, HttpClient http)
                throws Exception {
            if (!Ports.isFree(port)) {
                throw new IllegalStateException("port " + port + " is taken: stop what runs there or choose -Dpeer.port");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(TUNED_JVM);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                    "--spring.datasource.url=" + db.jdbcUrl("peer"), "--operaton.bpm.history-level=" + historyLevel));
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            long deadline = started + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the peer stopped at start: see " + log);
                }
                try {
                    if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new PeerProcess(process, (System.nanoTime() - started) / 1e9);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the peer was not ready within 3 minutes: see " + log);
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void step(String what, Object... args) {
        System.out.printf("%n== " + what + "%n", args);
    }
}
