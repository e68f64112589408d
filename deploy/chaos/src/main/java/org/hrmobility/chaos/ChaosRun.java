package org.hrmobility.chaos;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;

import tools.jackson.databind.JsonNode;

/**
 * The chaos campaign, in one run: starts the suite as a small cluster (two instances of every service, three Kafka
 * nodes), drives a steady load of commands through the gateway across the domains, injects faults on a schedule (Kafka
 * nodes killed with -9 and started again, PostgreSQL stopped immediately and started again, an instance of each service
 * killed with -9 and started again, the gateway restarted), waits until the suite is quiet, and reconciles every
 * command with the databases, Kafka and the inboxes ({@link Reconciliation}). Prints the table and writes it into
 * docs/reliability.md; fails when something was lost, doubled, half done, left on the way or dead-lettered.
 * <p>
 * {@code ./mvnw -B -Pchaos -pl deploy/chaos -am verify -DskipTests [-Dchaos.size=short]}: on the standard ports, with
 * nothing else running there.
 */
public final class ChaosRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);

    private final ChaosSettings settings;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private ChaosRun(ChaosSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        // the Kafka clients' configuration dumps and the like stay out of the run's output
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("chaos.log-level", "warn"));
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        boolean clean = new ChaosRun(settings).run();
        System.exit(clean || !settings.failOnFindings() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path data = settings.out().resolve("suite-data");
        deleteRecursively(data);
        Files.createDirectories(settings.out());
        List<FaultPlan.Planned> plan = FaultPlan.of(settings.brokerKills(), settings.postgresRestarts(), settings.instanceKills(),
                settings.gatewayRestarts(), settings.loadSeconds());
        step("chaos run %s (%s): %,d commands at %.0f/s, %d faults; the suite with %d instances per service and %d Kafka nodes",
                run, settings.size(), settings.commands(), settings.rate(), plan.size(), ChaosSettings.INSTANCES, ChaosSettings.BROKERS);
        long suiteStart = System.nanoTime();
        Launcher launcher = Launcher.start(settings.home(), settings.out(), List.of(
                "--instances", String.valueOf(ChaosSettings.INSTANCES), "--brokers", String.valueOf(ChaosSettings.BROKERS),
                "--data-dir", data.toString(), "--only", "mobility,redeployment,evaluation,notification,gateway"),
                // the gateway's per-client limit (20/s) is for people; the run's few users send far more
                Map.of("HRM_GATEWAY_REQUESTSPERSECOND", "5000", "HRM_GATEWAY_BURST", "5000"));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "chaos-suite-stop"));
        try {
            JsonNode status = launcher.awaitReady(READY_TIMEOUT);
            double readySeconds = (System.nanoTime() - suiteStart) / 1e9;
            System.out.printf("  suite ready in %.0f s (launcher pid %d; its log: %s)%n", readySeconds, launcher.pid(),
                    settings.out().resolve("launcher.log"));
            for (JsonNode p : status.path("processes")) {
                System.out.printf("    %-24s %-28s pid %s%n", p.path("name").asString(""), p.path("address").asString(""),
                        p.path("pid").asLong());
            }
            return campaign(launcher, status, readySeconds, plan);
        } finally {
            step("stopping the suite");
            launcher.close();
        }
    }

    private boolean campaign(Launcher launcher, JsonNode status, double readySeconds, List<FaultPlan.Planned> plan) throws Exception {
        String gateway = status.path("gateway").asString();
        String kafkaBootstrap = status.path("kafka").asString();
        Databases databases = new Databases(status.path("postgresHost").asString("localhost"), status.path("postgresPort").asInt(),
                status.path("postgresUser").asString("postgres"), status.path("postgresPassword").asString("postgres"));
        KafkaFacts kafka = new KafkaFacts(kafkaBootstrap);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Tokens tokens = new Tokens(http, status.path("issuer").asString());

        int employeeCount = LoadDriver.employeesFor(settings.commands());
        step("publishing %d employees as master data and waiting for every service to take them in", employeeCount);
        List<String> employees = publishEmployees(kafkaBootstrap, employeeCount);
        awaitMasterData(databases, employees.size(), Duration.ofMinutes(3));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        String[] call = new String[1];
        Scenario scenario = new Scenario(gateway, tokens, today, () -> call[0]);
        call[0] = openCall(http, scenario);

        step("load: %,d commands at %.0f/s through %s; faults as planned:", settings.commands(), settings.rate(), gateway);
        plan.forEach(p -> System.out.printf("    at %6.1f s  %s: %s%n", p.atSeconds(), p.kind().description(), p.target()));
        long start = System.nanoTime();
        LoadDriver driver = new LoadDriver(http, scenario, run, employees.iterator(), start);
        FaultInjector injector = new FaultInjector(launcher, databases, kafka, start);
        Thread faults = injector.start(plan);
        Thread progress = progress(driver, start);
        driver.run(settings.commands(), settings.rate());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        progress.interrupt();
        step("load done after %.0f s (%,d commands); waiting for every fault's recovery", loadSeconds, driver.sent());
        List<Fault> recovered = injector.results(faults);

        step("waiting until the suite is quiet (outboxes sent, every event applied, master data still)");
        long quietStart = System.nanoTime();
        awaitQuiet(databases, run, Duration.ofMinutes(settings.size().equals("short") ? 4 : 10));
        double quietSeconds = (System.nanoTime() - quietStart) / 1e9;

        step("reconciling commands with the databases, Kafka and the inboxes");
        List<FlowLog> flows = driver.flows();
        List<Command> commands = flows.stream().flatMap(f -> f.commands().stream())
                .sorted(Comparator.comparingLong(Command::sentMillis)).toList();
        Facts facts = new Facts(databases.aggregates(flows, run),
                kafka.eventCopies(List.of(Topics.REDEPLOYMENT_EVENTS, Topics.EVALUATION_EVENTS, Topics.MOBILITY_EVENTS)),
                databases.notificationInbox(), databases.notifications(), databases.employees(run), kafka.deadLetters());
        Reconciliation.Result result = Reconciliation.reconcile(flows, new LinkedHashSet<>(employees), Databases.ALL, facts);
        List<Fault> faultsServed = served(recovered, commands);

        ReliabilityTable.Run runInfo = new ReliabilityTable.Run(settings.size(), settings.command(), LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), memoryMib(), ChaosSettings.INSTANCES, ChaosSettings.BROKERS,
                readySeconds, loadSeconds, quietSeconds);
        System.out.println();
        System.out.println(ReliabilityTable.text(runInfo, result, faultsServed));
        writeLogs(commands, result, kafka);
        if (settings.writeDocs()) {
            ReliabilityTable.SECTION.write(settings.docs(), ReliabilityTable.markdown(runInfo, result, faultsServed));
            System.out.println("Written into " + settings.docs());
        }
        boolean clean = result.clean() && faultsServed.stream().allMatch(Fault::recovered);
        System.out.println(clean ? "RELIABLE: nothing lost, duplicated or half done; every fault recovered."
                : "NOT RELIABLE: see the findings above and " + settings.out());
        return clean;
    }

    /**
     * Each fault with the moment commands were answered again, looking until the next fault: for an instance killed,
     * the commands of its service only (the notification service's: none, commands never wait for it); for the others,
     * every command.
     */
    static List<Fault> served(List<Fault> faults, List<Command> commands) {
        List<Fault> sorted = faults.stream().sorted(Comparator.comparingLong(Fault::injectedMillis)).toList();
        List<Fault> served = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Fault fault = sorted.get(i);
            long until = i + 1 < sorted.size() ? sorted.get(i + 1).injectedMillis() : Long.MAX_VALUE;
            List<Command> affected = commands.stream().filter(c -> affects(fault, c.workload())).toList();
            served.add(fault.withServed(Recovery.servedAgain(affected, fault.injectedMillis(), until)));
        }
        return served;
    }

    static boolean affects(Fault fault, Workload workload) {
        if (fault.kind() != Fault.Kind.INSTANCE) {
            return true;
        }
        return fault.target().startsWith(workload.database() + "-service");
    }

    private List<String> publishEmployees(String bootstrap, int count) {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String id = "C-" + run + "-" + String.format("%05d", i);
                EmployeeUpserted employee = new EmployeeUpserted(id, "Chaos " + i, id.toLowerCase() + "@example.org",
                        ExpectedRecipients.ENTITY, "B2", ContractType.STATUTORY, ExpectedRecipients.LINE_MANAGER, "policy-advice",
                        List.of("data-analysis"), "nl");
                producer.send(KafkaCloudEvents.record(Topics.EMPLOYEES, id, new EventMetadata(UUID.randomUUID(), "/hrm/chaos",
                        EmployeeEvents.EMPLOYEE_UPSERTED.ceType(), id, Instant.now(), null), EventJson.write(employee)));
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }

    private void awaitMasterData(Databases databases, int count, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Map<String, Set<String>> held = databases.employees(run);
            if (held.values().stream().allMatch(s -> s.size() >= count)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("master data not taken in after " + atMost + ": " + held.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().size() + "/" + count).toList());
            }
            Thread.sleep(1000);
        }
    }

    private static String openCall(HttpClient http, Scenario scenario) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(scenario.openCall(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                String location = response.headers().firstValue("Location").orElseThrow();
                return location.substring(location.lastIndexOf('/') + 1);
            }
            if (attempt == 10) {
                throw new IllegalStateException("hana could not open the exchange call: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(2000);
        }
    }

    /**
     * Quiet: every outbox row sent, every event applied by the notification service, and nothing moving for six seconds;
     * after {@code atMost}, reconciled as it is.
     */
    private static void awaitQuiet(Databases databases, String run, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Databases.Progress last = null;
        int still = 0;
        while (System.nanoTime() < deadline) {
            try {
                Databases.Progress now = databases.progress(run);
                boolean drained = now.unsent() == 0 && now.notApplied() == 0;
                still = now.equals(last) ? still + 1 : 0;
                last = now;
                if (drained && still >= 3) {
                    return;
                }
            } catch (Exception e) {
                still = 0;
            }
            Thread.sleep(2000);
        }
        System.out.println("  not quiet after " + atMost.toMinutes() + " min (" + last + "): reconciling as it is");
    }

    private Thread progress(LoadDriver driver, long start) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(15_000);
                    System.out.printf("  [%7.1f s] %,d commands sent%n", (System.nanoTime() - start) / 1e9, driver.sent());
                }
            } catch (InterruptedException e) {
                // load done
            }
        }, "chaos-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void writeLogs(List<Command> commands, Reconciliation.Result result, KafkaFacts kafka) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Command.CSV_HEADER);
        commands.forEach(c -> lines.add(c.csv()));
        Files.write(settings.out().resolve("commands.csv"), lines);
        List<String> findings = new ArrayList<>();
        findings.add(result.findingsTotal() + " finding(s)" + (result.findingsTotal() > result.findings().size()
                ? ", the first " + result.findings().size() : ""));
        result.findings().forEach(f -> findings.add(f.toString()));
        findings.add("");
        findings.add("replication factor per topic: " + kafka.replication());
        try {
            findings.add("consumer groups behind on the decision topics (records not committed): "
                    + kafka.lag(List.of(Topics.REDEPLOYMENT_EVENTS, Topics.EVALUATION_EVENTS, Topics.MOBILITY_EVENTS, Topics.EMPLOYEES)));
        } catch (Exception e) {
            findings.add("consumer lag unknown: " + e.getMessage());
        }
        Files.write(settings.out().resolve("findings.txt"), findings);
        Map<Integer, Integer> statuses = new HashMap<>();
        commands.forEach(c -> statuses.merge(c.status(), 1, Integer::sum));
        System.out.println("  answers by status (-1: none): " + statuses + "; the command log: " + settings.out().resolve("commands.csv"));
    }

    private static long memoryMib() {
        try {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return os.getTotalMemorySize() / (1024 * 1024);
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void step(String what, Object... args) {
        System.out.printf("%n== " + what + "%n", args);
    }
}
