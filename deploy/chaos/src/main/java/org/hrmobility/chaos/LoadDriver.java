package org.hrmobility.chaos;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady load of commands through the gateway: flows of the four workloads in turn, started at a fixed rate whether
 * or not earlier ones are done (an open model: faults do not slow the arrivals down), each flow sending its commands one
 * after the other and stopping at the first without a 2xx answer. Stops starting flows when the command budget is spent.
 */
final class LoadDriver {

    static final List<Workload> CYCLE = List.of(Workload.REDEPLOYMENT, Workload.EVALUATION, Workload.APPLICATION, Workload.TALENT_OFFER);
    static final List<String> EMPLOYEE_USERS = List.of("emma", "ezra");
    static final List<String> EMPLOYEE_USER_IDS = List.of("E-0003", "E-0004");

    private final HttpClient http;
    private final Scenario scenario;
    private final String run;
    private final Iterator<String> employees;
    private final long startNanos;
    private final ConcurrentLinkedQueue<FlowRecord> flows = new ConcurrentLinkedQueue<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private int flowNumber;

    private record FlowRecord(Scenario.Flow flow, List<Command> commands) {
    }

    /**
     * @param run        this run's tag, in every key it makes
     * @param employees  employees published for the run, one for each redeployment and evaluation flow
     * @param startNanos the run's time zero (commands and faults are timed from it)
     */
    LoadDriver(HttpClient http, Scenario scenario, String run, Iterator<String> employees, long startNanos) {
        this.http = http;
        this.scenario = scenario;
        this.run = run;
        this.employees = employees;
        this.startNanos = startNanos;
    }

    /** The average commands of a flow over one cycle of the workloads. */
    static double commandsPerFlow() {
        return CYCLE.stream().mapToInt(w -> w.steps().size()).average().orElse(1);
    }

    /**
     * Employees a budget needs: one per redeployment and evaluation flow, also for the flows a fault cuts short (more
     * flows then start); when they run out, applications and talent offers (emma's and ezra's) go on alone.
     */
    static int employeesFor(int budget) {
        return budget / 4 + 16;
    }

    /**
     * Starts flows until {@code budget} commands are spent, so that the commands planned keep up with
     * {@code commandsPerSecond}: a flow cut short by a failure gives its unsent commands back, and more flows start.
     */
    void run(int budget, double commandsPerSecond) {
        long interval = (long) (1e9 * commandsPerFlow() / commandsPerSecond);
        long start = System.nanoTime();
        long next = start;
        int turn = 0;
        while (true) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            double due = commandsPerSecond * (System.nanoTime() - start) / 1e9;
            // one flow a tick, and up to two more while the commands planned lag behind the rate
            for (int started = 0; started < 3 && (started == 0 || reserved.get() < due); started++) {
                Workload workload = fitting(turn++, budget - reserved.get(), employees.hasNext());
                if (workload == null) {
                    break;
                }
                reserved.addAndGet(workload.steps().size());
                inFlight.incrementAndGet();
                Scenario.Flow flow = newFlow(workload);
                List<Command> commands = Collections.synchronizedList(new ArrayList<>());
                flows.add(new FlowRecord(flow, commands));
                step(flow, 0, commands);
            }
            if (inFlight.get() == 0 && fitting(turn, budget - reserved.get(), employees.hasNext()) == null) {
                return;
            }
        }
    }

    /** Commands sent so far. */
    int sent() {
        return sent.get();
    }

    /** Every flow with its commands (call once the run is over). */
    List<FlowLog> flows() {
        return flows.stream().map(r -> new FlowLog(r.flow().id, r.flow().workload, r.flow().key, r.flow().employeeId,
                List.copyOf(r.commands()))).toList();
    }

    /**
     * The workload whose turn it is, or the next one that still fits the budget left (and, for those needing an employee
     * of their own, while the run's employees last); null when none does.
     */
    private static Workload fitting(int turn, int left, boolean employeesLeft) {
        for (int i = 0; i < CYCLE.size(); i++) {
            Workload w = CYCLE.get((turn + i) % CYCLE.size());
            boolean needsEmployee = w == Workload.REDEPLOYMENT || w == Workload.EVALUATION;
            if (w.steps().size() <= left && (employeesLeft || !needsEmployee)) {
                return w;
            }
        }
        return null;
    }

    private Scenario.Flow newFlow(Workload workload) {
        int n = ++flowNumber;
        String id = workload.name().charAt(0) + "-" + String.format("%05d", n);
        return switch (workload) {
            case REDEPLOYMENT, EVALUATION -> {
                String employee = employees.next();
                yield new Scenario.Flow(id, workload, employee, employee, null);
            }
            case APPLICATION -> new Scenario.Flow(id, workload, "Chaos host " + id + " " + run, EMPLOYEE_USER_IDS.get(n % 2),
                    EMPLOYEE_USERS.get(n % 2));
            case TALENT_OFFER -> new Scenario.Flow(id, workload, ("chaos-" + run + "-" + id).toLowerCase(), EMPLOYEE_USER_IDS.get(n % 2),
                    EMPLOYEE_USERS.get(n % 2));
        };
    }

    private void step(Scenario.Flow flow, int step, List<Command> commands) {
        HttpRequest request;
        try {
            request = scenario.request(flow, step);
        } catch (RuntimeException e) {
            // no token (the identity provider away): the command is not sent, the flow ends here
            finish(flow, step);
            return;
        }
        long sentAt = millis();
        sent.incrementAndGet();
        String commandId = flow.id + "/" + step;
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long answered = millis();
            if (failure != null) {
                commands.add(new Command(commandId, flow.id, flow.workload, step, sentAt, answered, -1, kind(failure), null));
                finish(flow, step + 1);
                return null;
            }
            String created = response.statusCode() == 201 ? response.headers().firstValue("Location")
                    .map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null) : null;
            Command command = new Command(commandId, flow.id, flow.workload, step, sentAt, answered, response.statusCode(),
                    response.statusCode() >= 300 ? problem(response.body()) : null, created);
            commands.add(command);
            if (command.outcome() == Command.Outcome.DONE && step + 1 < flow.workload.steps().size()) {
                scenario.created(flow, step, created);
                step(flow, step + 1, commands);
            } else {
                finish(flow, step + 1);
            }
            return null;
        });
    }

    /** The flow is over after {@code stepsSent} commands: what it did not send goes back to the budget. */
    private void finish(Scenario.Flow flow, int stepsSent) {
        reserved.addAndGet(-(flow.workload.steps().size() - stepsSent));
        inFlight.decrementAndGet();
    }

    private long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static String kind(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }

    /** The problem's type's last segment (or the start of the body), for the log. */
    static String problem(String body) {
        int type = body == null ? -1 : body.indexOf("\"type\"");
        if (type >= 0) {
            int start = body.indexOf('"', body.indexOf(':', type) + 1);
            int end = start < 0 ? -1 : body.indexOf('"', start + 1);
            if (start >= 0 && end > start) {
                String value = body.substring(start + 1, end);
                return value.substring(value.lastIndexOf('/') + 1).replace(',', ';');
            }
        }
        return body == null ? "" : body.substring(0, Math.min(60, body.length())).replace(',', ';').replace('\n', ' ');
    }
}
