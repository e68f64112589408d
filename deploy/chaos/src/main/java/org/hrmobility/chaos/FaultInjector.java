package org.hrmobility.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * Injects the planned faults while the load runs, each at its time, and follows each until the suite has recovered
 * from it: the process back (ready; a Kafka node with every partition in sync), and everything committed before the
 * fault published and applied by the notification service. Broker kills wait for the cluster to be whole again first,
 * so that no partition ever has fewer than two replicas in sync from the chaos run's own doing.
 */
final class FaultInjector {

    /** How long a killed broker stays away before it is started again. */
    static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    static final Duration PROBE_TIMEOUT = Duration.ofMinutes(5);
    /** Outbox rows below each fault's mark checked for having been applied. */
    static final int CAUGHT_UP_WINDOW = 3000;

    private final Launcher launcher;
    private final Databases databases;
    private final KafkaFacts kafka;
    private final long startNanos;
    private final List<CompletableFuture<Fault>> probes = new ArrayList<>();
    private final ExecutorService probeThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-probe");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Fault> lastBroker = CompletableFuture.completedFuture(null);

    FaultInjector(Launcher launcher, Databases databases, KafkaFacts kafka, long startNanos) {
        this.launcher = launcher;
        this.databases = databases;
        this.kafka = kafka;
        this.startNanos = startNanos;
    }

    /** Runs the plan on a thread of its own; {@link #results()} waits for every fault's recovery. */
    Thread start(List<FaultPlan.Planned> plan) {
        Thread thread = new Thread(() -> plan.forEach(this::inject), "fault-injector");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void inject(FaultPlan.Planned planned) {
        long due = startNanos + (long) (planned.atSeconds() * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        if (planned.kind() == Fault.Kind.BROKER) {
            // a second broker down before the first has caught up would leave partitions with one replica in sync
            lastBroker.completeOnTimeout(null, 3, TimeUnit.MINUTES).join();
            awaitInSync(Duration.ofMinutes(2));
        }
        Map<String, Long> highWater = highWater();
        long injected = millis();
        CompletableFuture<JsonNode> back;
        switch (planned.kind()) {
            case BROKER -> {
                kill(planned.target());
                LockSupport.parkNanos(BROKER_DOWN.toNanos());
                back = launcher.send("restart", planned.target()).thenApplyAsync(answer -> {
                    awaitInSync(PROBE_TIMEOUT);
                    return answer;
                }, probeThreads);
            }
            case INSTANCE -> {
                kill(planned.target());
                back = launcher.send("restart", planned.target());
            }
            case POSTGRES, GATEWAY -> back = launcher.send("restart", planned.target());
            default -> throw new IllegalStateException();
        }
        log(injected, planned.kind().description() + ": " + planned.target());
        // never on the thread that reads the launcher's answers: a probe waits minutes
        CompletableFuture<Fault> probe = back.handleAsync((answer, failure) -> {
            long backAt = failure == null ? millis() : -1;
            if (failure != null) {
                log(millis(), planned.target() + " did not come back: " + failure.getMessage());
            }
            long caughtUp = awaitCaughtUp(highWater, injected);
            Fault fault = new Fault(planned.kind(), planned.target(), injected, backAt, caughtUp, -1);
            log(millis(), String.format("%s: back after %s, caught up after %s", planned.target(),
                    backAt < 0 ? "never" : ReliabilityTable.seconds((backAt - injected) / 1000.0),
                    caughtUp < 0 ? "never" : ReliabilityTable.seconds((caughtUp - injected) / 1000.0)));
            return fault;
        }, probeThreads);
        synchronized (probes) {
            probes.add(probe);
        }
        if (planned.kind() == Fault.Kind.BROKER) {
            lastBroker = probe;
        }
    }

    /** Every fault with its recovery, once all have recovered or given up. */
    List<Fault> results(Thread injector) throws InterruptedException {
        injector.join();
        List<Fault> faults = new ArrayList<>();
        synchronized (probes) {
            probes.forEach(p -> faults.add(p.join()));
        }
        return faults;
    }

    private void kill(String process) {
        JsonNode status = launcher.status();
        for (JsonNode p : status.path("processes")) {
            if (p.path("name").asString("").equals(process)) {
                long pid = p.path("pid").asLong(-1);
                if (pid <= 0 || !Launcher.killMinus9(pid)) {
                    log(millis(), process + " was not running (pid " + pid + ")");
                }
                return;
            }
        }
        throw new IllegalStateException("no process " + process + " in the suite: " + status.path("processes"));
    }

    private void awaitInSync(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (kafka.underReplicatedPartitions().orElse(-1) == 0) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    private Map<String, Long> highWater() {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return databases.outboxHighWater();
            } catch (Exception e) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
        return Map.of();
    }

    /** When everything committed before the fault was applied; -1 if not within the probe's time. */
    private long awaitCaughtUp(Map<String, Long> highWater, long injected) {
        long deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(injected) + PROBE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (databases.caughtUp(highWater, CAUGHT_UP_WINDOW)) {
                    return millis();
                }
            } catch (Exception e) {
                // the database may be away (that fault itself): ask again
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        return -1;
    }

    private long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static void log(long millis, String what) {
        System.out.printf("  [%7.1f s] %s%n", millis / 1000.0, what);
    }
}
