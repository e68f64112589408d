package org.hrmobility.load.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.devstack.SuiteStart;
import org.hrmobility.load.Suite;
import org.hrmobility.load.SyntheticEmployees;

/**
 * The suite's figures side by side, in one run against {@code ./run-local}, so that the ratios hold on a noisy
 * machine: the same reads straight to a service and through the gateway; a write command's rate beside
 * PostgreSQL's single-row commit rate; the time from a command's send to its notification on the recipient's
 * live stream at a steady 300 commands/s; CPU and memory of every process meanwhile; the suite's own start as its
 * launcher left it ({@link SuiteStart}); last, the redeployment flow on a peer process engine and on the suite
 * ({@link PeerRun}), on the suite's PostgreSQL. Prints a summary and writes it into docs/performance.md. Not a test:
 * nothing passes or fails; the goals are shown beside the figures.
 * <p>
 * {@code ./mvnw -B -Pperformance -pl deploy/load/peer,deploy/load -am verify -DskipTests} (with the suite running);
 * {@code -Dperf.phases=...} runs some phases only, {@code -Dperf.phases=peer} the peer's alone.
 */
public final class PerformanceRun {

    private static final String OPEN_CASE = "/api/redeployment/cases";
    /** The suite's own phases: only a run of all of them is written into its section of docs/performance.md. */
    private static final List<String> SUITE_PHASES = List.of("start", "reads", "writes", "inbox", "knee");
    /** The last phase: the same flow on a peer and on the suite ({@link PeerRun}), written into its own section. */
    private static final String PEER_PHASE = "peer";
    private static final String ALL_PHASES = String.join(",", SUITE_PHASES) + "," + PEER_PHASE;
    /**
     * The step-up: cases opened at each of these rates for a step's length, to find where p99 passes 100 ms and to go
     * well past what two cores serve; then the first rate again, right after, to see the suite recover.
     */
    private static final List<Double> KNEE_RATES = List.of(100.0, 150.0, 200.0, 250.0, 300.0, 350.0, 400.0, 500.0);
    private static final Duration KNEE_STEP = Duration.ofSeconds(10);
    /** Reads in the side-by-side phase, both ways together: a load the suite takes easily, so the gateway's own cost shows. */
    private static final int READS_PER_SECOND = 100;
    /** Long enough for the JIT to compile the paths measured (C2 keeps improving for a minute or so of load). */
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private final Suite suite = Suite.fromSystemProperties(300, 20);
    private final String redeployment = System.getProperty("hrm.redeployment", "http://localhost:8082");
    private final String jdbcUrl = System.getProperty("hrm.jdbc", "jdbc:postgresql://localhost:15432/postgres");
    /** The repository, whose built launcher starts each service alone. */
    private final Path home = Path.of(System.getProperty("perf.home", "../..")).toAbsolutePath().normalize();
    /** The goal's rate (300 commands/s by default), measured last, after a rate the suite should take in its stride. */
    private final double commandRate = suite.rate();
    private final List<Double> inboxRates = List.of(commandRate / 2, commandRate);
    private final Duration phase = Duration.ofSeconds(suite.seconds());
    private final int writers = Integer.getInteger("perf.writers", 16);
    /** Which phases to run (all by default): {@code start,reads,writes,inbox,knee,peer}; a subset helps while profiling one. */
    private final List<String> phases = phases();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final OpenLoad load = new OpenLoad(http);
    private final String hana = "Bearer " + suite.token("hana");
    private final String lars = "Bearer " + suite.token("lars");

    public static void main(String[] args) throws Exception {
        List<String> phases = phases();
        PeerRun peer = phases.contains(PEER_PHASE) ? new PeerRun() : null;
        if (peer != null) {
            peer.requireJar();
        }
        String docs = System.getProperty("perf.docs");
        // the suite's phases need the suite running; the peer's alone (-Dpeer.suite=false) does not
        if (phases.stream().anyMatch(SUITE_PHASES::contains)) {
            Summary summary = new PerformanceRun().run();
            System.out.println(summary.text());
            if (docs != null && phases.containsAll(SUITE_PHASES)) {
                summary.writeInto(Path.of(docs));
                System.out.println("Written into " + docs);
            }
        }
        if (peer != null) {
            PeerSummary summary = peer.run();
            System.out.println(summary.text());
            if (docs != null) {
                summary.writeInto(Path.of(docs));
                System.out.println("Written into " + docs);
            }
        }
        System.exit(0);
    }

    private static List<String> phases() {
        return List.of(System.getProperty("perf.phases", ALL_PHASES).split(","));
    }

    /** The employees of a large administration: the master data each service takes in, timed by the run. */
    static final int ORGANISATION = 33_000;

    private Summary run() throws Exception {
        int writeBudget = (int) (commandRate * 20);
        double warmUpRate = Math.min(commandRate / 2, 150);
        int warmUp = (int) (warmUpRate * WARM_UP.toSeconds());
        int inboxRun = (int) (inboxRates.stream().mapToDouble(Double::doubleValue).sum() * phase.toSeconds());
        int kneeRun = phases.contains("knee")
                ? (int) ((KNEE_RATES.stream().mapToDouble(Double::doubleValue).sum() + KNEE_RATES.get(0)) * KNEE_STEP.toSeconds()) : 0;
        int needed = warmUp + writeBudget + inboxRun + kneeRun;
        int published = Math.max(needed, ORGANISATION);
        // read before any other launcher starts: the suite measured is the one running now
        Optional<SuiteStart> suiteStart = ProcessSampler.launcher().flatMap(l -> SuiteStart.read(l.pid()));
        List<AloneStarts.Alone> alone = List.of();
        if (phases.contains("start")) {
            step("each service started alone (./run-local --only <service>, every port moved), while the suite measured idles");
            alone = new AloneStarts(home).measure();
        }
        step("publishing %,d employees as master data (a whole organisation), and timing until every service has taken them in",
                published);
        long intakeStarted = System.nanoTime();
        Iterator<String> employees = SyntheticEmployees.publish(suite, published).iterator();
        MasterData.awaitTakenIn(suite.kafka(), Duration.ofMinutes(5));
        Summary.Intake intake = new Summary.Intake(published, (System.nanoTime() - intakeStarted) / 1e9);
        System.out.printf("  taken in by every service in %.1f s%n", intake.seconds());

        step("warming up: opening %d cases at %.0f/s, with the line manager's live stream open", warmUp, warmUpRate);
        List<String> cases = new CopyOnWriteArrayList<>();
        Latencies warm = new Latencies("warm-up");
        // a freshly started suite compiles for its first seconds under load: those are not what is measured
        try (LiveStreamListener stream = new LiveStreamListener(http, suite.gateway(), lars, RedeploymentEvents.CASE_OPENED.ceType())) {
            stream.awaitOpen();
            load.run(warmUpRate, WARM_UP, i -> openCase(employees.next(), warm, (response, at) -> cases.add(caseId(response))));
        }
        System.out.println("  " + warm);

        Latencies direct = new Latencies("GET a case, straight to the service");
        Latencies gateway = new Latencies("GET a case, through the gateway");
        if (phases.contains("reads")) {
            readSideBySide(cases, direct, gateway);
        }
        double rawCommits = Double.NaN;
        double commandsPerSecond = Double.NaN;
        Latencies writes = new Latencies("open a case (closed loop)");
        if (phases.contains("writes")) {
            step("PostgreSQL alone: single-row inserts, each committed, from %d clients for 10 s", writers);
            rawCommits = RawCommits.perSecond(jdbcUrl, "postgres", "postgres", writers, Duration.ofSeconds(10));
            System.out.printf("  %.0f commits/s%n", rawCommits);
            step("the same clients opening cases through the gateway, each as soon as the last is answered, for 10 s");
            ProcessSampler sampler = ProcessSampler.start(postgresPort());
            commandsPerSecond = closedLoop(writers, Duration.ofSeconds(10), writeBudget, employees, writes);
            System.out.printf("  %.0f commands/s; %s%n", commandsPerSecond, writes);
            sampler.stop().forEach(u -> System.out.printf("    %-32s CPU %4.0f %%  RSS %,5d MiB  PSS %,5d MiB%n", u.process(),
                    u.cpuPercent(), u.maxRssMib(), u.maxPssMib()));
        }
        List<InboxRun> inboxRuns = new ArrayList<>();
        List<ProcessSampler.Usage> usage = List.of();
        long totalPss = 0;
        if (phases.contains("inbox")) {
            for (double rate : inboxRates) {
                ProcessSampler sampler = ProcessSampler.start(postgresPort());
                inboxRuns.add(commandToInbox(employees, rate));
                usage = sampler.stop();
                totalPss = sampler.maxTotalPssMib();
            }
        }
        List<Summary.Step> steps = phases.contains("knee") ? stepUp(employees) : List.of();
        return new Summary(Machine.describe(jdbcUrl), suiteStart, alone, intake, direct, gateway, rawCommits, commandsPerSecond, writers, writes, inboxRuns, usage,
                totalPss, steps);
    }

    /**
     * Cases opened at rising rates, a step each, answers timed as in the open model: where does p99 pass 100 ms, does
     * the served rate level off past it, and is the first rate served cleanly again right after the highest?
     */
    private List<Summary.Step> stepUp(Iterator<String> employees) {
        step("step-up: opening cases at %s a second, %d s each, then at %.0f/s again", KNEE_RATES, KNEE_STEP.toSeconds(), KNEE_RATES.get(0));
        List<Summary.Step> steps = new ArrayList<>();
        for (double rate : KNEE_RATES) {
            steps.add(stepAt(rate, false, employees));
        }
        steps.add(stepAt(KNEE_RATES.get(0), true, employees));
        return steps;
    }

    private Summary.Step stepAt(double rate, boolean afterOverload, Iterator<String> employees) {
        Latencies at = new Latencies("open a case at " + Summary.Step.label(rate, afterOverload));
        load.run(rate, KNEE_STEP, i -> openCase(employees.next(), at, (response, when) -> {
        }));
        Summary.Step step = new Summary.Step(rate, KNEE_STEP.toSeconds(), at, afterOverload);
        System.out.printf("  %s   served %.0f/s%n", at, step.served());
        return step;
    }

    private void readSideBySide(List<String> cases, Latencies direct, Latencies gateway) {
        Duration reading = phase.plus(phase.dividedBy(2));
        step("reading one case at a time, alternately straight to the service and through the gateway, %d/s for %d s",
                READS_PER_SECOND, reading.toSeconds());
        load.run(READS_PER_SECOND, Duration.ofSeconds(5), i -> readCase(i % 2 == 0 ? redeployment : suite.gateway(),
                cases.get(i % cases.size()), new Latencies("warm-up")));
        load.run(READS_PER_SECOND, reading, i -> readCase(i % 2 == 0 ? redeployment : suite.gateway(), cases.get(i % cases.size()),
                i % 2 == 0 ? direct : gateway));
        System.out.println("  " + direct + "\n  " + gateway);
    }

    /** Commands at one steady rate, and the time from each one's send to its notification on the stream. */
    record InboxRun(double rate, long seconds, Latencies commands, Latencies toInbox) {
    }

    private InboxRun commandToInbox(Iterator<String> employees, double rate) throws InterruptedException {
        step("opening cases at %.0f/s for %d s; the line manager's live stream notes each CaseOpened", rate, phase.toSeconds());
        Latencies commands = new Latencies("open a case at " + (int) rate + "/s");
        Latencies toInbox = new Latencies("command sent to notification on the stream");
        int reconnects;
        try (LiveStreamListener stream = new LiveStreamListener(http, suite.gateway(), lars, RedeploymentEvents.CASE_OPENED.ceType())) {
            stream.awaitOpen();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            load.run(rate, phase, i -> {
                String employee = employees.next();
                return openCase(employee, commands, (response, sent) -> sentAt.put(employee, sent));
            });
            awaitArrivals(stream, sentAt, Duration.ofSeconds(10));
            sentAt.forEach((employee, at) -> {
                Long arrival = stream.arrival(employee);
                if (arrival == null) {
                    toInbox.error("not on the stream within 10 s");
                } else {
                    toInbox.record(arrival - at);  // never negative: sent before the service could see it
                }
            });
            reconnects = stream.reconnects();
        }
        System.out.println("  " + commands + "\n  " + toInbox + (reconnects > 0 ? "\n  stream reopened " + reconnects + " time(s)" : ""));
        return new InboxRun(rate, phase.toSeconds(), commands, toInbox);
    }

    private int postgresPort() {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }

    private OpenLoad.Call openCase(String employeeId, Latencies into,
                                   BiConsumer<HttpResponse<String>, Long> onSuccess) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gateway() + OPEN_CASE))
                .header("Authorization", hana).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"employeeId\":\"" + employeeId + "\"}")).build();
        return new OpenLoad.Call(request, 201, into, onSuccess);
    }

    private OpenLoad.Call readCase(String base, String caseId, Latencies into) {
        return new OpenLoad.Call(HttpRequest.newBuilder(URI.create(base + OPEN_CASE + "/" + caseId)).header("Authorization", hana)
                .header("Accept", "application/json").GET().build(), 200, into);
    }

    /** {@code clients} at once, each sending the next command when the last is answered; returns commands per second. */
    private double closedLoop(int clients, Duration duration, int budget, Iterator<String> employees, Latencies into) throws Exception {
        AtomicInteger left = new AtomicInteger(budget);
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && left.getAndDecrement() > 0) {
                    String employee;
                    synchronized (employees) {
                        employee = employees.next();
                    }
                    OpenLoad.Call call = openCase(employee, into, (r, at) -> {
                    });
                    load.send(call, System.nanoTime()).join();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return into.count() / ((System.nanoTime() - start) / 1e9);
    }

    private static void awaitArrivals(LiveStreamListener stream, Map<String, Long> sentAt, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && sentAt.keySet().stream().anyMatch(e -> stream.arrival(e) == null)) {
            Thread.sleep(100);
        }
    }

    private static String caseId(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void step(String what, Object... args) {
        System.out.printf("%n== " + what + "%n", args);
    }
}
