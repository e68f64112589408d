package org.hrmobility.notification.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.notification.routing.Audience;
import org.hrmobility.notification.routing.Routes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Decision events at a steady rate on the redeployment topic while the queries run, as the performance run opens
 * cases: each case is opened, its guidance recorded a second later and, a second after that, decided not admissible
 * (which closes it on the worklist), so the worklist keeps its size while every event opens or closes an item and
 * adds to a timeline. The projection's lag is timed per event from its publication to the commit of the consuming
 * transaction that wrote its work item: that transaction also writes the employee's notification, whose NOTIFY
 * arrives at commit (the events that tell the employee: opened and decided, two of every three).
 */
final class BackgroundLoad {

    private static final long STEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String SOURCE = "/hrm/redeployment-service";

    private final String bootstrap;
    private final JdbcSettings notifications;
    private final List<Workforce.Employee> people;
    private final Workforce workforce;
    private final int rate;
    private final LocalDate today;

    private final Map<String, Queue<Long>> published = new ConcurrentHashMap<>();
    private final List<Long> allLagMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> measuredLagMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentWhileMeasuring = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedSent = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean listening = true;
    private volatile boolean measuring;
    private long startedNanos;
    private long stoppedNanos;
    private Thread publisher;
    private Thread listener;

    /** A case on its way: the employee, the case id and its next step. */
    private static final class Case {
        final Workforce.Employee employee;
        final String id = UUID.randomUUID().toString();
        int step;
        long dueNanos;

        Case(Workforce.Employee employee) {
            this.employee = employee;
        }
    }

    BackgroundLoad(String bootstrap, JdbcSettings notifications, Workforce workforce, List<Workforce.Employee> people, int rate,
                   LocalDate today) {
        this.bootstrap = bootstrap;
        this.notifications = notifications;
        this.workforce = workforce;
        this.people = people;
        this.rate = rate;
        this.today = today;
    }

    void start() throws Exception {
        listener = listener();
        publisher = new Thread(this::publish, "bench-load");
        publisher.start();
    }

    /** From now on the lags count as the measured phase's (and until {@code false}). */
    void measuring(boolean on) {
        measuring = on;
    }

    /** Stops publishing; waits up to {@code graceSeconds} for what was published to be applied. */
    void stop(int graceSeconds) throws InterruptedException {
        running = false;
        publisher.join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        listening = false;
        listener.join();
    }

    long sent() {
        return sent.get();
    }

    long sentWhileMeasuring() {
        return sentWhileMeasuring.get();
    }

    long failed() {
        return failed.get();
    }

    /** Published events that tell the employee (so are timed); how many of them never arrived is {@link #pending()}. */
    long timed() {
        return timedSent.get();
    }

    long pending() {
        return published.values().stream().mapToLong(Queue::size).sum();
    }

    double achievedRate() {
        return sent.get() / ((stoppedNanos - startedNanos) / 1e9);
    }

    Percentiles lag() {
        return Percentiles.of(allLagMicros);
    }

    Percentiles measuredLag() {
        return Percentiles.of(measuredLagMicros);
    }

    private void publish() {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0);
        ArrayDeque<Case> open = new ArrayDeque<>();
        int nextPerson = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            startedNanos = System.nanoTime();
            long next = startedNanos;
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    // parked, not spinning: a spinning publisher would take one of the machine's two cores
                    LockSupport.parkNanos(wait);
                }
                next += interval;
                long now = System.nanoTime();
                Case c;
                if (!open.isEmpty() && open.peek().dueNanos <= now) {
                    c = open.poll();
                } else {
                    c = new Case(people.get(nextPerson++ % people.size()));
                }
                send(producer, c);
                c.step++;
                if (c.step < 3) {
                    c.dueNanos = now + STEP_NANOS;
                    open.add(c);
                }
            }
            producer.flush();
            stoppedNanos = System.nanoTime();
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, Case c) {
        Workforce.Employee handler = caseHandlerOf(c.employee);
        EventType<?> type;
        Map<String, Object> fields;
        String actor;
        String action;
        switch (c.step) {
            case 0 -> {
                type = RedeploymentEvents.CASE_OPENED;
                fields = Map.of("openedBy", handler.id(), "openedAt", Instant.now().toString());
                actor = handler.id();
                action = "case opened";
            }
            case 1 -> {
                type = RedeploymentEvents.GUIDANCE_RECORDED;
                fields = Map.of("from", today.minusMonths(6).toString(), "to", today.toString());
                actor = c.employee.lineManagerId();
                action = "guidance recorded";
            }
            default -> {
                type = RedeploymentEvents.ADMISSIBILITY_DECIDED;
                fields = Map.of("redeployable", false, "registeredAt", Instant.now().toString());
                actor = handler.id();
                action = "admissibility decided";
            }
        }
        byte[] body = EventJson.write(Payloads.of(type, c.employee, "caseId", c.id, fields));
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), SOURCE, type.ceType(), c.id, Instant.now(), null,
                new EventMetadata.Origin(actor, actor, null, null, action, null));
        boolean timed = tellsTheEmployee(type);
        if (timed) {
            published.computeIfAbsent("person:" + c.employee.id(), k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
            timedSent.incrementAndGet();
        }
        sent.incrementAndGet();
        if (measuring) {
            sentWhileMeasuring.incrementAndGet();
        }
        producer.send(KafkaCloudEvents.record(type.topic(), c.id, metadata, body), (ack, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
        });
    }

    private Workforce.Employee caseHandlerOf(Workforce.Employee e) {
        return workforce.caseHandler(e.entity());
    }

    private static boolean tellsTheEmployee(EventType<?> type) {
        return Routes.forCeType(type.ceType()).map(route -> route.told().contains(Audience.EMPLOYEE)).orElse(false);
    }

    private Thread listener() throws Exception {
        Connection c = notifications.connect();
        try (Statement s = c.createStatement()) {
            s.execute("listen hrm_notification");
        }
        Thread thread = new Thread(() -> {
            try (c) {
                PGConnection pg = c.unwrap(PGConnection.class);
                while (listening) {
                    PGNotification[] received = pg.getNotifications(100);
                    long now = System.nanoTime();
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification n : received) {
                        String recipient = n.getParameter().substring(0, n.getParameter().indexOf(' '));
                        Queue<Long> times = published.get(recipient);
                        Long at = times == null ? null : times.poll();
                        if (at != null) {
                            long micros = TimeUnit.NANOSECONDS.toMicros(now - at);
                            allLagMicros.add(micros);
                            if (measuring) {
                                measuredLagMicros.add(micros);
                            }
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-listener");
        thread.start();
        return thread;
    }
}
