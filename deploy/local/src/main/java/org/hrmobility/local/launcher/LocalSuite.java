package org.hrmobility.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.recruitment.RecruitmentEvents;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackSettings;
import org.hrmobility.devstack.Ports;
import org.hrmobility.local.masterdata.MasterDataFiles;
import org.hrmobility.local.masterdata.MasterDataPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on this machine: the devstack in this JVM, the identity provider and every built service
 * as their own tuned JVMs, and the demo master data on Kafka. {@link #close()} stops them all, services first.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSuite.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final SuiteOptions options;
    private final long startedNanos = System.nanoTime();
    private final List<ChildProcess> children = new ArrayList<>();
    private final List<MasterDataPublisher.Result> masterData = new ArrayList<>();
    private Devstack devstack;
    private MailServer mail;
    private Path logDirectory;
    private double readySeconds;

    private LocalSuite(SuiteOptions options) {
        this.options = options;
    }

    /** Starts everything and returns once every process is ready; on failure stops what it started and throws. */
    public static LocalSuite start(SuiteOptions options) {
        LocalSuite suite = new LocalSuite(options);
        try {
            suite.startAll();
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

    private void startAll() throws InterruptedException {
        List<ServiceSpec> specs = specs();
        checkPortsFree(specs);
        DevstackSettings env = DevstackSettings.fromEnvironment();
        devstack = Devstack.start(new DevstackSettings(options.port(SuiteOptions.KAFKA), options.port(SuiteOptions.POSTGRES),
                options.dataDirectory(), env.externalKafka(), env.externalPostgres()));
        specs.stream().map(ServiceSpec::database).filter(d -> d != null).forEach(devstack::createDatabase);
        mail = MailServer.start(options.port(SuiteOptions.SMTP), options.port(SuiteOptions.IMAP));
        logDirectory = logDirectory();
        for (ServiceSpec spec : specs) {
            try {
                children.add(ChildProcess.start(spec, logDirectory));
            } catch (IOException e) {
                throw new LaunchException("cannot start " + spec.name() + ": " + e.getMessage());
            }
        }
        publishDemoData();
        for (ChildProcess child : children) {
            child.awaitReady(READY_TIMEOUT);
            log.info("{} ready on port {} after {} s", child.spec().name(), child.spec().port(),
                    String.format("%.1f", child.readySeconds()));
        }
        readySeconds = (System.nanoTime() - startedNanos) / 1e9;
    }

    private List<ServiceSpec> specs() {
        List<ServiceSpec> specs = new ArrayList<>();
        Path localJar = jar("deploy/local", "hrm-local");
        specs.add(new ServiceSpec(SuiteOptions.IDENTITY, options.port(SuiteOptions.IDENTITY), localJar,
                List.of("identity-provider"), null, Map.of("HRM_ISSUER", options.issuer())));
        for (String name : SuiteOptions.DEFAULT_PORTS.keySet()) {
            if ((name.endsWith("-service") || name.equals("gateway")) && options.runs(name)) {
                specs.add(service(name));
            }
        }
        return specs;
    }

    private ServiceSpec service(String name) {
        String database = name.endsWith("-service") ? name.replace("-service", "") : null;
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + options.port(SuiteOptions.KAFKA));
        env.put("HRM_ISSUER", options.issuer());
        env.put("HRM_JWK_SET_URI", options.issuer() + "/oauth2/jwks");
        env.put("HRM_PUBLIC_URL", options.publicUrl());
        env.put("HRM_SMTP_PORT", Integer.toString(options.port(SuiteOptions.SMTP)));
        // on one machine, webhook receivers (a recruitment system's test endpoint) are on localhost too
        env.put("HRM_WEBHOOKS_ALLOW_PRIVATE", "true");
        if (database != null) {
            env.put("SPRING_R2DBC_URL", "r2dbc:postgresql://localhost:" + options.port(SuiteOptions.POSTGRES) + "/" + database);
        }
        SuiteOptions.DEFAULT_PORTS.keySet().stream().filter(s -> s.endsWith("-service"))
                .forEach(s -> env.put("HRM_" + s.replace("-service", "").toUpperCase() + "_URL",
                        "http://localhost:" + options.port(s)));
        return new ServiceSpec(name, options.port(name), jar(name, name), List.of(), database, env);
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
            Ports.requireFree(options.port(SuiteOptions.KAFKA), "Kafka", SuiteOptions.portVariable(SuiteOptions.KAFKA));
        }
        if (env.externalPostgres().isEmpty()) {
            Ports.requireFree(options.port(SuiteOptions.POSTGRES), "PostgreSQL", SuiteOptions.portVariable(SuiteOptions.POSTGRES));
        }
        Ports.requireFree(options.port(SuiteOptions.SMTP), "the mail server (SMTP)", SuiteOptions.portVariable(SuiteOptions.SMTP));
        Ports.requireFree(options.port(SuiteOptions.IMAP), "the mail server (IMAP)", SuiteOptions.portVariable(SuiteOptions.IMAP));
        for (ServiceSpec spec : specs) {
            Ports.requireFree(spec.port(), spec.name(), SuiteOptions.portVariable(spec.name()));
        }
    }

    private void publishDemoData() {
        MasterDataPublisher publisher = new MasterDataPublisher(devstack.endpoints().kafkaBootstrapServers());
        masterData.add(publisher.publishChanged(EmployeeEvents.EMPLOYEE_UPSERTED, EmployeeUpserted::employeeId,
                MasterDataFiles.demoEmployees()));
        masterData.add(publisher.publishChanged(RecruitmentEvents.VACANCY_PUBLISHED, VacancyPublished::vacancyId,
                MasterDataFiles.demoVacancies()));
        masterData.forEach(result -> log.info("Master data {}", result));
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

    /** Starts a stopped process again, with the same settings, and waits until it is ready. */
    public void restart(String name) throws InterruptedException {
        if (children.stream().anyMatch(c -> c.spec().name().equals(name))) {
            throw new LaunchException(name + " is running; stop it first");
        }
        ServiceSpec spec = specs().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new LaunchException("no process " + name + " in this suite"));
        try {
            ChildProcess child = ChildProcess.start(spec, logDirectory);
            children.add(child);
            // a child that never gets ready stays in the list, so close() stops it
            child.awaitReady(READY_TIMEOUT);
            log.info("{} ready again after {} s", name, String.format("%.1f", child.readySeconds()));
        } catch (IOException e) {
            throw new LaunchException("cannot start " + name + ": " + e.getMessage());
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

    /** What runs where, with start time and memory, as the launcher prints it. */
    public String statusTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nHR mobility suite ready in %.1f s%n%n", readySeconds));
        out.append(String.format("  %-22s %-26s %8s %9s %9s%n", "process", "address", "pid", "ready", "RSS"));
        long launcherPid = ProcessHandle.current().pid();
        long total = row(out, "Kafka (launcher JVM)", devstack.endpoints().kafkaBootstrapServers(), launcherPid,
                devstack.startMillis() / 1000.0, ProcessMemory.rssMib(launcherPid));
        long postgres = ProcessMemory.postmasterPid(devstack.dataDirectory().resolve("postgres"));
        total += row(out, "PostgreSQL", "localhost:" + devstack.endpoints().postgresPort(), postgres, -1,
                postgres > 0 ? ProcessMemory.treeRssMib(postgres) : -1);
        out.append(String.format("  %-22s %-26s %8s %9s %9s%n", "mail (in the launcher)",
                "smtp :" + options.port(SuiteOptions.SMTP) + ", imap :" + options.port(SuiteOptions.IMAP), "", "", ""));
        for (ChildProcess child : children) {
            total += row(out, child.spec().name(), "http://localhost:" + child.spec().port(), child.pid(),
                    child.readySeconds(), ProcessMemory.rssMib(child.pid()));
        }
        out.append(String.format("  %-22s %-26s %8s %9s %6d MiB%n", "total", "", "", "", total));
        out.append(String.format("%n  logs: %s%n  data: %s%n", logDirectory,
                options.dataDirectory().map(Path::toString).orElse("temporary, deleted at stop (use --data-dir DIR to keep it)")));
        masterData.forEach(r -> out.append("  master data ").append(r).append('\n'));
        return out.toString();
    }

    private static long row(StringBuilder out, String name, String address, long pid, double ready, long rss) {
        out.append(String.format("  %-22s %-26s %8s %9s %6s MiB%n", name, address, pid > 0 ? pid : "-",
                ready >= 0 ? String.format("%.1f s", ready) : "-", rss >= 0 ? rss : "?"));
        return Math.max(rss, 0);
    }

    /** Services first (they flush their last work), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        children.forEach(ChildProcess::terminate);
        children.forEach(child -> child.awaitExit(Duration.ofSeconds(20)));
        if (mail != null) {
            mail.close();
        }
        if (devstack != null) {
            devstack.close();
        }
    }

    Optional<Devstack> devstack() {
        return Optional.ofNullable(devstack);
    }
}
