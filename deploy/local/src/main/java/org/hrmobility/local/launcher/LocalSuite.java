package org.hrmobility.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.recruitment.RecruitmentEvents;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackSettings;
import org.hrmobility.devstack.KafkaCluster;
import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.PostgresServer;
import org.hrmobility.devstack.SuiteStart;
import org.hrmobility.local.masterdata.MasterDataFiles;
import org.hrmobility.local.masterdata.MasterDataPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on this machine: the devstack in this JVM, the identity provider and every built service
 * as their own tuned JVMs, and the demo master data on Kafka. {@link #close()} stops them all, services first.
 * <p>
 * As a small cluster ({@link SuiteOptions#cluster()}): every service several times behind the gateway, Kafka as a
 * cluster of node processes with three replicas of every topic, PostgreSQL committing durably. Any process can then be
 * killed by its pid and started again here ({@link #restart}), PostgreSQL restarted immediately, a Kafka node killed and
 * started again: what the chaos run does, through {@link SuiteControl}.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSuite.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    /** The name of a Kafka node of the cluster: {@code kafka-1}, {@code kafka-2}, ... */
    static final String KAFKA_NODE = "kafka-";

    private final SuiteOptions options;
    private final StartCache startCache;
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<MasterDataPublisher.Result> masterData = new ArrayList<>();
    /** Set from the devstack's start thread as soon as its database is up, before {@code Devstack.start} returns. */
    private volatile Devstack devstack;
    /**
     * A devstack still starting when the suite is stopped is waited for, then stopped: its PostgreSQL is a process. Set
     * under the lock {@link #close} takes, so that a devstack either starts before the close waits for it, or never.
     */
    private volatile boolean devstackStarting;
    private final CountDownLatch devstackStarted = new CountDownLatch(1);
    private MailServer mail;
    private Path logDirectory;
    private double readySeconds;
    private double trainingSeconds;
    /** Where this start is left for the performance run to report; deleted at the stop. */
    private Path startFile;

    private LocalSuite(SuiteOptions options) {
        this.startCache = StartCache.of(options.home(), System::getenv);
        this.options = options;
    }

    /** Starts everything and returns once every process is ready; on failure stops what it started and throws. */
    public static LocalSuite start(SuiteOptions options) {
        return start(options, suite -> {
        });
    }

    /**
     * {@link #start(SuiteOptions)}, handing the suite to {@code beforeStarting} before anything starts: a launcher
     * stopped while it starts (a first start makes its caches for minutes) stops what it started so far through it,
     * instead of leaving the processes started up to then running without it.
     */
    public static LocalSuite start(SuiteOptions options, Consumer<LocalSuite> beforeStarting) {
        LocalSuite suite = new LocalSuite(options);
        beforeStarting.accept(suite);
        try {
            suite.startAll();
            if (options.control()) {
                SuiteControl.listen(suite, System.in, System.out);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        } catch (InterruptedException e) {
            suite.close();
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting");
        }
    }

    /**
     * Everything at once where it can be, since on two cores the starts are the CPU they take: the processes that need
     * neither the broker nor a database while the devstack starts, the services as soon as their database is up (see
     * {@link #databaseUp}), each when it has its start cache; then the caches still to make, and the rest.
     */
    private void startAll() throws InterruptedException {
        checkPortsFree(specs());
        logDirectory = logDirectory();
        mail = MailServer.start(options.port(SuiteOptions.SMTP), options.port(SuiteOptions.IMAP));
        startTrained(specs().stream().filter(spec -> !spec.usesDevstack()).toList());
        DevstackSettings env = DevstackSettings.fromEnvironment();
        synchronized (children) {
            refuseIfClosed();
            devstackStarting = true;
        }
        try {
            devstack = Devstack.start(new DevstackSettings(options.port(SuiteOptions.KAFKA), options.port(SuiteOptions.POSTGRES),
                    options.dataDirectory(), env.externalKafka(), env.externalPostgres())
                    .withKafkaBrokers(options.brokers())
                    .withPostgresDurability(options.postgresDurability()), this::databaseUp);
        } finally {
            devstackStarted.countDown();
        }
        // now with the devstack's addresses (all of the cluster's brokers)
        List<ServiceSpec> specs = specs();
        long training = System.nanoTime();
        List<String> trained = startCache.train(specs, Optional.of(jar("deploy/local", "hrm-local")), logDirectory);
        if (!trained.isEmpty()) {
            trainingSeconds = (System.nanoTime() - training) / 1e9;
            log.info("start caches made once for this build ({}, {}) in {} s: later starts map them", trained,
                    startCache.java().hasAotCache() ? "ahead-of-time cache, Java " + startCache.java().feature() : "class-data archive",
                    String.format("%.1f", (System.nanoTime() - training) / 1e9));
        }
        specs.stream().filter(this::notStarted).forEach(this::startChild);
        publishDemoData();
        for (ChildProcess child : children) {
            child.awaitReady(READY_TIMEOUT);
            log.info("{} ready on port {} after {} s", child.spec().name(), child.spec().port(),
                    String.format("%.1f", child.readySeconds()));
        }
        readySeconds = secondsSinceStart();
        startFile = SuiteStart.file(ProcessHandle.current().pid());
        startRecord().write(startFile);
    }

    /**
     * PostgreSQL is up (Kafka may still be starting): the services' databases, then the services with their caches,
     * whose clients wait for the one broker. On a cluster they wait for all of its brokers instead: a service creates
     * its topics with three replicas, which one broker up out of three cannot hold.
     */
    private void databaseUp(Devstack stack) {
        devstack = stack;
        List<ServiceSpec> services = specs().stream().filter(ServiceSpec::usesDevstack).toList();
        services.stream().map(ServiceSpec::database).distinct().forEach(stack::createDatabase);
        if (options.brokers() == 1) {
            startTrained(services);
        }
    }

    private void startTrained(List<ServiceSpec> specs) {
        specs.stream().filter(startCache::isTrained).filter(this::notStarted).forEach(this::startChild);
    }

    private boolean notStarted(ServiceSpec spec) {
        return children.stream().noneMatch(child -> child.spec().name().equals(spec.name()));
    }

    /** Under the lock {@link #close} takes: a process is either started before the close stops them all, or never. */
    private ChildProcess startChild(ServiceSpec spec) {
        synchronized (children) {
            refuseIfClosed();
            try {
                ChildProcess child = ChildProcess.start(spec, logDirectory, startCache);
                children.add(child);
                return child;
            } catch (IOException e) {
                throw new LaunchException("cannot start " + spec.name() + ": " + e.getMessage());
            }
        }
    }

    /** Since this JVM started, so that "ready in" counts the launcher's own start too. */
    private static double secondsSinceStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    }

    private List<ServiceSpec> specs() {
        List<ServiceSpec> specs = new ArrayList<>();
        Path localJar = jar("deploy/local", "hrm-local");
        specs.add(new ServiceSpec(SuiteOptions.IDENTITY, options.port(SuiteOptions.IDENTITY), localJar,
                List.of("identity-provider"), null, Map.of("HRM_ISSUER", options.issuer())));
        for (String name : SuiteOptions.DEFAULT_PORTS.keySet()) {
            if (SuiteOptions.isProcess(name) && options.runs(name)) {
                for (int instance = 1; instance <= instancesOf(name); instance++) {
                    specs.add(service(name, instance));
                }
            }
        }
        return specs;
    }

    /** Services run {@code --instances} times; the gateway and the console once. */
    private int instancesOf(String process) {
        return process.endsWith("-service") ? options.instances() : 1;
    }

    static final String LOOPBACK = "127.0.0.1";

    private ServiceSpec service(String name, int instance) {
        String database = databaseOf(name);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("HRM_ISSUER", options.issuer());
        env.put("HRM_JWK_SET_URI", options.issuer() + "/oauth2/jwks");
        env.put("HRM_PUBLIC_URL", options.publicUrl());
        // the gateway routes the console's pages to it; the console calls the API through the gateway
        env.put("HRM_CONSOLE_URL", "http://localhost:" + options.port(SuiteOptions.CONSOLE));
        env.put("HRM_GATEWAY_URL", options.publicUrl());
        env.put("HRM_SMTP_PORT", Integer.toString(options.port(SuiteOptions.SMTP)));
        // on one machine, webhook receivers (a recruitment system's test endpoint) are on localhost too
        env.put("HRM_WEBHOOKS_ALLOW_PRIVATE", "true");
        if (database != null) {
            env.put("SPRING_R2DBC_URL", "r2dbc:postgresql://localhost:" + options.port(SuiteOptions.POSTGRES) + "/" + database);
        }
        SuiteOptions.DEFAULT_PORTS.keySet().stream().filter(s -> s.endsWith("-service")).forEach(s -> {
            String service = s.replace("-service", "").toUpperCase();
            env.put("HRM_" + service + "_URL", "http://localhost:" + options.port(s));
            if (options.instances() > 1) {
                // every instance, comma-separated (hrm.gateway.instances.<service>): the gateway balances between them
                env.put("HRM_GATEWAY_INSTANCES_" + service, instanceUrls(s));
            }
        });
        if (options.brokers() > 1) {
            env.putAll(clusterTopicSettings(options.brokers()));
        }
        if (!name.equals("gateway")) {
            // only the gateway is the way in: a service (or the console) on another interface would skip its limits
            env.put("SERVER_ADDRESS", LOOPBACK);
        }
        String portKey = SuiteOptions.portKey(name, instance);
        return new ServiceSpec(options.instanceName(name, instance), name, portKey, options.port(portKey), jar(name, name), List.of(),
                database, env);
    }

    /** A service's database is named after it ({@code redeployment-service}: {@code redeployment}); other processes have none. */
    private static String databaseOf(String process) {
        return process.endsWith("-service") ? process.replace("-service", "") : null;
    }

    /**
     * What a service must do with topics on a cluster of several brokers (the broker creates none by itself): create
     * its topics with three replicas, two of them in sync for a write. The kit's names for these, and the binder's own.
     */
    static Map<String, String> clusterTopicSettings(int brokers) {
        String replicas = String.valueOf(Math.min(brokers, 3));
        String minInSync = String.valueOf(Math.max(1, Math.min(brokers, 3) - 1));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HRM_KAFKA_TOPICS_REPLICATIONFACTOR", replicas);
        env.put("HRM_KAFKA_TOPICS_MININSYNCREPLICAS", minInSync);
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATIONFACTOR", replicas);
        return env;
    }

    /** The comma-separated base URLs of every instance of a service ({@code http://localhost:8081,http://localhost:8181}). */
    private String instanceUrls(String service) {
        return IntStream.rangeClosed(1, options.instances())
                .mapToObj(i -> "http://localhost:" + options.port(SuiteOptions.portKey(service, i)))
                .collect(Collectors.joining(","));
    }

    /** The devstack's brokers once it runs; before, the ones it will run (the ports are checked with these). */
    private String kafkaBootstrapServers() {
        if (devstack != null) {
            return devstack.endpoints().kafkaBootstrapServers();
        }
        int first = options.port(SuiteOptions.KAFKA);
        return IntStream.range(0, options.brokers()).mapToObj(i -> "localhost:" + (first + i)).collect(Collectors.joining(","));
    }

    private Path jar(String module, String artifact) {
        Path target = options.home().resolve(module).resolve("target");
        Path jar = target.resolve(artifact + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().startsWith(artifact + "-")
                            && p.getFileName().toString().endsWith(".jar") && !p.getFileName().toString().contains("-tests"))
                    .findFirst()
                    .orElseThrow(() -> missingJar(module));
        } catch (IOException e) {
            throw missingJar(module);
        }
    }

    private static LaunchException missingJar(String module) {
        return new LaunchException(module + " is not built. Build the suite first: ./mvnw -B -DskipTests package"
                + " (the ./run-local script does it for you).");
    }

    private void checkPortsFree(List<ServiceSpec> specs) {
        DevstackSettings env = DevstackSettings.fromEnvironment();
        if (env.externalKafka().isEmpty()) {
            for (int i = 0; i < options.brokers(); i++) {
                Ports.requireFree(options.port(SuiteOptions.KAFKA) + i, options.brokers() == 1 ? "Kafka" : "Kafka broker " + (i + 1),
                        SuiteOptions.portVariable(SuiteOptions.KAFKA));
            }
        }
        if (env.externalPostgres().isEmpty()) {
            Ports.requireFree(options.port(SuiteOptions.POSTGRES), "PostgreSQL", SuiteOptions.portVariable(SuiteOptions.POSTGRES));
        }
        Ports.requireFree(options.port(SuiteOptions.SMTP), "the mail server (SMTP)", SuiteOptions.portVariable(SuiteOptions.SMTP));
        Ports.requireFree(options.port(SuiteOptions.IMAP), "the mail server (IMAP)", SuiteOptions.portVariable(SuiteOptions.IMAP));
        for (ServiceSpec spec : specs) {
            Ports.requireFree(spec.port(), spec.name(), SuiteOptions.portVariable(spec.portKey()));
        }
    }

    private void publishDemoData() {
        String bootstrap = devstack.endpoints().kafkaBootstrapServers();
        if (options.brokers() > 1) {
            // the cluster creates no topic by itself; master data on three replicas like every topic there
            createCompactedTopics(bootstrap, options.brokers(), List.of(Topics.EMPLOYEES, Topics.RECRUITMENT_VACANCIES));
        }
        masterData.addAll(demoData(bootstrap));
        masterData.forEach(result -> log.info("Master data {}", result));
    }

    private static List<MasterDataPublisher.Result> demoData(String bootstrap) {
        MasterDataPublisher publisher = new MasterDataPublisher(bootstrap);
        return List.of(
                publisher.publishChanged(EmployeeEvents.EMPLOYEE_UPSERTED, EmployeeUpserted::employeeId, MasterDataFiles.demoEmployees()),
                publisher.publishChanged(RecruitmentEvents.VACANCY_PUBLISHED, VacancyPublished::vacancyId, MasterDataFiles.demoVacancies()));
    }

    /**
     * What this JVM itself does at a start, without the processes: the mail server, the devstack with the services'
     * databases, the demo master data, each on a free port and in a temporary directory, then stops. It is how the
     * launcher's own start cache is trained ({@link StartCache}): most of the launcher's start is Kafka's.
     */
    public static void rehearse() {
        DevstackSettings settings = new DevstackSettings(Ports.pickFree(), Ports.pickFree(), Optional.empty(), Optional.empty(),
                Optional.empty());
        try (MailServer mail = MailServer.start(Ports.pickFree(), Ports.pickFree());
             Devstack stack = Devstack.start(settings, up -> SuiteOptions.DEFAULT_PORTS.keySet().stream().map(LocalSuite::databaseOf)
                     .filter(Objects::nonNull).forEach(up::createDatabase))) {
            demoData(stack.endpoints().kafkaBootstrapServers());
        }
    }

    /** Compacted master-data topics, three partitions, replicated as the cluster's other topics; existing ones are left. */
    static void createCompactedTopics(String bootstrap, int brokers, List<String> topics) {
        Map<String, String> settings = clusterTopicSettings(brokers);
        short replicas = Short.parseShort(settings.get("HRM_KAFKA_TOPICS_REPLICATIONFACTOR"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, replicas).configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.get("HRM_KAFKA_TOPICS_MININSYNCREPLICAS"))))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new LaunchException("cannot create topic " + topic + ": " + e.getCause().getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while creating topics");
        }
    }

    private Path logDirectory() {
        try {
            Path dir = options.dataDirectory().map(d -> d.resolve("logs")).orElse(Files.createTempDirectory("hrm-logs-"));
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops one process of the suite (a service, the gateway), as an outage would. */
    public void stop(String name) {
        ChildProcess child = child(name);
        child.terminate();
        child.awaitExit(Duration.ofSeconds(20));
        children.remove(child);
        log.info("{} stopped", name);
    }

    /**
     * Starts a process again, with the same settings, and waits until it is ready: a service instance, the gateway or
     * the console that was stopped or died (killed with -9 by its pid), stopped gracefully first if it still runs; a
     * Kafka node ({@code kafka-2}) that was killed; PostgreSQL ({@code postgres}), stopped immediately and started on
     * the same data and port.
     *
     * @return seconds until it was ready again
     */
    public double restart(String name) throws InterruptedException {
        long started = System.nanoTime();
        if (name.equals(SuiteOptions.POSTGRES)) {
            postgres().restartImmediately();
            return (System.nanoTime() - started) / 1e9;
        }
        if (name.startsWith(KAFKA_NODE)) {
            cluster().start(kafkaNode(name));
            log.info("{} running again after {} s", name, String.format("%.1f", (System.nanoTime() - started) / 1e9));
            return (System.nanoTime() - started) / 1e9;
        }
        ServiceSpec spec = specs().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new LaunchException("no process " + name + " in this suite; it has "
                        + specs().stream().map(ServiceSpec::name).toList()));
        Optional<ChildProcess> running = children.stream().filter(c -> c.spec().name().equals(name)).findFirst();
        if (running.isPresent()) {
            if (running.get().isAlive()) {
                running.get().terminate();
                running.get().awaitExit(Duration.ofSeconds(20));
            }
            children.remove(running.get());
        }
        // a child that never gets ready stays in the list, so close() stops it
        ChildProcess child = startChild(spec);
        child.awaitReady(READY_TIMEOUT);
        log.info("{} ready again after {} s", name, String.format("%.1f", child.readySeconds()));
        return child.readySeconds();
    }

    /** Kills a process at once (SIGKILL) as a crash would: a service instance, the gateway, a Kafka node. */
    public void kill(String name) {
        if (name.startsWith(KAFKA_NODE)) {
            cluster().kill(kafkaNode(name));
        } else {
            child(name).kill();
        }
        log.info("{} killed", name);
    }

    private KafkaCluster cluster() {
        return devstack.kafkaCluster().orElseThrow(() -> new LaunchException("Kafka runs as one broker here; start with --brokers 3"));
    }

    private PostgresServer postgres() {
        return devstack.postgres().orElseThrow(() -> new LaunchException("PostgreSQL is external here (POSTGRES_URL)"));
    }

    private int kafkaNode(String name) {
        try {
            return Integer.parseInt(name.substring(KAFKA_NODE.length()));
        } catch (NumberFormatException e) {
            throw new LaunchException("a Kafka node is kafka-1 to kafka-" + options.brokers() + ", not " + name);
        }
    }

    private ChildProcess child(String name) {
        return children.stream().filter(c -> c.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new LaunchException(name + " is not running"));
    }

    public List<MasterDataPublisher.Result> masterData() {
        return List.copyOf(masterData);
    }

    public SuiteOptions options() {
        return options;
    }

    public double readySeconds() {
        return readySeconds;
    }

    /** This start, each process's time to ready after its own start and its memory then (what the performance run reports). */
    SuiteStart startRecord() {
        List<SuiteStart.Process> processes = children.stream()
                .map(c -> new SuiteStart.Process(c.spec().name(), c.readySeconds(), ProcessMemory.rssMib(c.pid()))).toList();
        return new SuiteStart(Instant.now(), readySeconds, trainingSeconds, startCache.describe(), processes);
    }

    /** The file this start was left in, while the suite runs. */
    Optional<Path> startFile() {
        return Optional.ofNullable(startFile);
    }

    /** Where every process of the suite logs. */
    Path logs() {
        return logDirectory;
    }

    /** One process of the suite as the chaos run sees it: what it is, where it listens, its pid (-1 when not running). */
    record SuiteProcess(String name, String service, String kind, String address, long pid) {
    }

    /** Every process of the suite, the servers first. */
    List<SuiteProcess> processes() {
        List<SuiteProcess> all = new ArrayList<>();
        devstack.kafkaCluster().ifPresentOrElse(
                cluster -> cluster.nodes().forEach(n -> all.add(new SuiteProcess(KAFKA_NODE + n.id(), "kafka", "broker", n.address(),
                        cluster.pid(n.id())))),
                () -> all.add(new SuiteProcess("kafka", "kafka", "broker", devstack.endpoints().kafkaBootstrapServers(),
                        devstack.kafkaBroker().isPresent() ? ProcessHandle.current().pid() : -1)));
        all.add(new SuiteProcess(SuiteOptions.POSTGRES, SuiteOptions.POSTGRES, "database",
                "localhost:" + devstack.endpoints().postgresPort(), devstack.postgres().map(PostgresServer::pid).orElse(-1L)));
        for (ChildProcess child : children) {
            ServiceSpec spec = child.spec();
            String kind = spec.service().endsWith("-service") ? "service" : spec.service();
            all.add(new SuiteProcess(spec.name(), spec.service(), kind, "http://localhost:" + spec.port(), child.isAlive() ? child.pid() : -1));
        }
        return all;
    }

    Devstack.Endpoints endpoints() {
        return devstack.endpoints();
    }

    /** What runs where, with start time and memory, as the launcher prints it. */
    public String statusTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nHR mobility suite ready in %.1f s%s%n%n", readySeconds, trainingSeconds == 0 ? ""
                : String.format(" (%.1f s of it making the start caches, once per build)", trainingSeconds)));
        out.append(String.format("  services on %s%n%n", startCache.describe()));
        out.append(String.format("  %-22s %-29s %8s %9s %9s%n", "process", "address", "pid", "ready", "RSS"));
        long launcherPid = ProcessHandle.current().pid();
        long total;
        if (devstack.kafkaCluster().isPresent()) {
            KafkaCluster cluster = devstack.kafkaCluster().get();
            total = row(out, "launcher JVM", "", launcherPid, -1, ProcessMemory.rssMib(launcherPid));
            for (KafkaCluster.NodeSpec node : cluster.nodes()) {
                long pid = cluster.pid(node.id());
                total += row(out, "Kafka node " + node.id(), node.address(), pid, -1, pid > 0 ? ProcessMemory.rssMib(pid) : -1);
            }
        } else {
            total = row(out, "Kafka (launcher JVM)", devstack.endpoints().kafkaBootstrapServers(), launcherPid,
                    devstack.startMillis() / 1000.0, ProcessMemory.rssMib(launcherPid));
        }
        long postgres = ProcessMemory.postmasterPid(devstack.dataDirectory().resolve("postgres"));
        total += row(out, "PostgreSQL", "localhost:" + devstack.endpoints().postgresPort(), postgres, -1,
                postgres > 0 ? ProcessMemory.treeRssMib(postgres) : -1);
        out.append(String.format("  %-22s %-29s %8s %9s %9s%n", "mail (in the launcher)",
                "smtp :" + options.port(SuiteOptions.SMTP) + ", imap :" + options.port(SuiteOptions.IMAP), "", "", ""));
        for (ChildProcess child : children) {
            // the console is used through the gateway: its address is the gateway's /console
            String address = child.spec().name().equals(SuiteOptions.CONSOLE) ? options.publicUrl() + "/console"
                    : "http://localhost:" + child.spec().port();
            total += row(out, child.spec().name(), address, child.pid(), child.readySeconds(), ProcessMemory.rssMib(child.pid()));
        }
        out.append(String.format("  %-22s %-29s %8s %9s %6d MiB%n", "total", "", "", "", total));
        out.append(String.format("%n  logs: %s%n  data: %s%n", logDirectory,
                options.dataDirectory().map(Path::toString).orElse("temporary, deleted at stop (use --data-dir DIR to keep it)")));
        if (options.cluster()) {
            out.append(String.format("  cluster: %d instance(s) of each service behind the gateway, %d Kafka node(s)%s,"
                            + " PostgreSQL with synchronous commits%n", options.instances(), options.brokers(),
                    options.brokers() > 1 ? " (topics: 3 replicas, 2 in sync; none created automatically)" : ""));
            devstack.kafkaCluster().ifPresent(c -> out.append("  Kafka node logs: ")
                    .append(c.nodes().get(0).log().getParent()).append('\n'));
        }
        masterData.forEach(r -> out.append("  master data ").append(r).append('\n'));
        return out.toString();
    }

    private static long row(StringBuilder out, String name, String address, long pid, double ready, long rss) {
        out.append(String.format("  %-22s %-29s %8s %9s %6s MiB%n", name, address, pid > 0 ? pid : "-",
                ready >= 0 ? String.format("%.1f s", ready) : "-", rss >= 0 ? rss : "?"));
        return Math.max(rss, 0);
    }

    /** Services first (they flush their last work), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        synchronized (children) {
            if (closed.getAndSet(true)) {
                return;
            }
        }
        startCache.close();
        forgetStart();
        children.forEach(ChildProcess::terminate);
        children.forEach(child -> child.awaitExit(Duration.ofSeconds(20)));
        if (mail != null) {
            mail.close();
        }
        awaitDevstackStarted();
        if (devstack != null) {
            devstack.close();
        }
    }

    private void forgetStart() {
        if (startFile != null) {
            try {
                Files.deleteIfExists(startFile);
            } catch (IOException e) {
                log.warn("cannot delete {}: {}", startFile, e.getMessage());
            }
        }
    }

    /** Called under the lock {@link #close} takes, before anything of the suite starts. */
    private void refuseIfClosed() {
        if (closed.get()) {
            throw new LaunchException("stopped while starting");
        }
    }

    private void awaitDevstackStarted() {
        if (!devstackStarting) {
            return;
        }
        try {
            // started: closed below; failed: it closed what it had started
            devstackStarted.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Optional<Devstack> devstack() {
        return Optional.ofNullable(devstack);
    }
}
