package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.SuiteStart;
import org.hrmobility.local.masterdata.MasterDataPublisher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The local suite as the launcher starts it (devstack, identity provider, a service as its own JVM), on free
 * ports so it runs beside a suite already started on the standard ones.
 */
class LocalSuiteIT {

    private static SuiteOptions options(Path dataDirectory) {
        return SuiteOptions.parse(new String[] {"--only", "redeployment"}, System::getenv).withFreePorts()
                .withDataDirectory(dataDirectory);
    }

    @Test
    @DisplayName("a demo user gets a token with the documented curl form and calls a service with it (200), without it 401")
    void tokenAndAuthenticatedCall() throws Exception {
        Path startFile = SuiteStart.file(ProcessHandle.current().pid());
        try (LocalSuite suite = LocalSuite.start(options(null))) {
            SuiteClient service = SuiteClient.direct(suite, "redeployment-service");
            String hana = service.user("hana");

            assertThat(service.get(hana, "/api/redeployment/cases").status()).isEqualTo(200);
            SuiteClient.Answer anonymous = service.get(null, "/api/redeployment/cases");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");

            String jobpunt = service.jobpunt();
            await().atMost(Duration.ofSeconds(60)).until(() -> service.get(jobpunt, "/api/redeployment/vacancies").body()
                    .contains("JP-2026-0401"));
            assertThat(suite.statusTable()).contains("identity-provider", "redeployment-service", "PostgreSQL", "MiB");
            // Performance II: the start is left beside the running suite, for the performance run to report
            assertThat(suite.startFile()).contains(startFile);
            SuiteStart start = SuiteStart.read(ProcessHandle.current().pid()).orElseThrow();
            assertThat(start.readySeconds()).isCloseTo(suite.readySeconds(), within(0.051));
            assertThat(start.processes()).extracting(SuiteStart.Process::name).contains("identity-provider", "redeployment-service");
            assertThat(start.processes()).allSatisfy(p -> assertThat(p.readySeconds()).isPositive().isLessThanOrEqualTo(start.readySeconds()));

            // API8 security misconfiguration: the service is reachable on loopback only, never past the gateway
            int port = suite.options().port("redeployment-service");
            assertThat(reachable(InetAddress.getLoopbackAddress(), port)).isTrue();
            for (InetAddress outside : outsideAddresses()) {
                assertThat(reachable(outside, port)).as("redeployment-service on " + outside.getHostAddress()).isFalse();
            }
        }
        assertThat(startFile).as("the start's file, deleted at the stop").doesNotExist();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** This machine's addresses that are not loopback (none on a machine without a network: nothing to check). */
    private static List<InetAddress> outsideAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof java.net.Inet4Address).toList();
    }

    @Test
    @DisplayName("a launcher stopped while it starts (SIGTERM, as a service manager or kill sends it) leaves nothing of the suite running")
    void stoppedWhileStarting() throws Exception {
        Path home = options(null).home();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                home.resolve("deploy/local/target/hrm-local.jar").toString(), "up", "--only", "redeployment")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("hrm-stopped-while-starting", ".log").toFile());
        // on ports of its own, beside a suite that may run on the standard ones; no start caches to make
        SuiteOptions.DEFAULT_PORTS.keySet().forEach(name -> builder.environment().put(SuiteOptions.portVariable(name),
                Integer.toString(Ports.pickFree())));
        builder.environment().put("HRM_START_CACHE", "off");
        Process launcher = builder.start();
        Set<ProcessHandle> started = new HashSet<>();
        try {
            // the identity provider starts at once, while the devstack is still starting: stop the launcher then
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                launcher.descendants().forEach(started::add);
                return !started.isEmpty();
            });
            launcher.destroy();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (launcher.isAlive() && System.nanoTime() < deadline) {
                launcher.descendants().forEach(started::add);
                Thread.sleep(50);
            }
            assertThat(launcher.isAlive()).as("the launcher exits").isFalse();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
        } finally {
            launcher.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @DisplayName("Performance II, start: the launcher's own start cache is made, and the command run-local reads starts the launcher on it")
    void launcherStartCache() throws Exception {
        SuiteOptions options = options(null);
        StartCache cache = StartCache.of(options.home(), System::getenv);
        Path launcherJar = options.home().resolve("deploy/local/target/hrm-local.jar");
        cache.train(List.of(), Optional.of(launcherJar), Files.createTempDirectory("hrm-launcher-training"));
        assertThat(cache.isLauncherTrained(launcherJar)).isTrue();

        List<String> command = Files.readAllLines(options.home().resolve("deploy/local/target/start-cache/launcher/command"));
        assertThat(command).containsAll(StartCache.LAUNCHER_JVM_OPTIONS).contains("-jar");
        Path jar = Path.of(command.get(command.size() - 1));
        assertThat(jar).exists().startsWith(options.home().resolve("deploy/local/target/start-cache/launcher"));
        boolean aot = cache.java().hasAotCache();
        String archiveFlag = aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertThat(command).filteredOn(a -> a.startsWith(archiveFlag)).singleElement()
                .satisfies(flag -> assertThat(Path.of(flag.substring(archiveFlag.length()))).exists());

        // a rehearsal started with that command, the archive required (the JVM refuses to start without it): it runs
        List<String> rehearsal = new ArrayList<>(command.subList(0, command.size() - 2));
        rehearsal.add(aot ? "-XX:AOTMode=on" : "-Xshare:on");
        rehearsal.addAll(List.of("-jar", jar.toString(), "rehearse"));
        Path log = Files.createTempFile("hrm-launcher-rehearsal", ".log");
        Process process = new ProcessBuilder(rehearsal).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Devstack ready").doesNotContain("[warning]", "[error]");
    }

    @Test
    @DisplayName("restarted with a data directory the suite keeps its state and publishes no master data again; without one it starts clean")
    void dataDirectoryKeepsState() throws Exception {
        Path data = Files.createTempDirectory("hrm-suite-it-");
        String caseLocation;
        try (LocalSuite first = LocalSuite.start(options(data))) {
            assertThat(first.masterData()).extracting(MasterDataPublisher.Result::unchanged).containsOnly(0);
            SuiteClient service = SuiteClient.direct(first, "redeployment-service");
            String hana = service.user("hana");
            // the service's copy of master data arrives over Kafka; until then ezra is unknown to it
            SuiteClient.Answer[] opened = new SuiteClient.Answer[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                opened[0] = service.post(hana, "/api/redeployment/cases", "{\"employeeId\":\"E-0004\"}");
                return opened[0].status() == 201;
            });
            caseLocation = opened[0].header("Location");
        }

        try (LocalSuite again = LocalSuite.start(options(data))) {
            assertThat(again.masterData()).extracting(MasterDataPublisher.Result::published).containsOnly(0);
            SuiteClient service = SuiteClient.direct(again, "redeployment-service");
            assertThat(service.get(service.user("hana"), caseLocation).status()).isEqualTo(200);
        }

        try (LocalSuite clean = LocalSuite.start(options(null))) {
            assertThat(clean.masterData()).extracting(MasterDataPublisher.Result::unchanged).containsOnly(0);
            SuiteClient service = SuiteClient.direct(clean, "redeployment-service");
            assertThat(service.get(service.user("hana"), caseLocation).status()).isEqualTo(404);
        }
    }
}
