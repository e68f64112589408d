package org.hrmobility.load.figures;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Business flows at a steady arrival rate, through {@link OpenLoad} as the performance run sends its commands: a
 * flow arrives when it is due, whether or not earlier ones are done; its steps follow one another, each sent as soon
 * as the one before has answered (a person acting at once). Each step is timed from when it was due (the first from
 * the flow's arrival, the next from the answer before), the whole flow from its arrival to its last answer.
 */
final class FlowLoad {

    /** A step fails with a short reason, without a stack trace: it is counted, not debugged. */
    static final class StepFailed extends RuntimeException {

        StepFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One step of a flow: what it does with the flow's own state; done when its future completes, failed with a reason. */
    record Step<F>(String name, Function<F, CompletableFuture<?>> action) {
    }

    /**
     * The flows of one system at one rate: every step of every flow ({@code steps}), each flow whole ({@code flows},
     * an error when it stopped), each step by its name, and the CPU and memory of the system's processes meanwhile.
     */
    record FlowRun(String name, double rate, long seconds, Latencies steps, Latencies flows, Map<String, Latencies> byStep,
                   double cpuSeconds, long maxPssMib, List<ProcessSampler.Usage> usage) {

        /** The goal of a rate: p99 of the steps under 100 ms, and no flow failed. */
        boolean holds() {
            return flows.count() > 0 && flows.errorCount() == 0 && steps.p99() < 100;
        }

        /** CPU time of the system's processes per flow completed, in milliseconds. */
        double cpuMillisPerFlow() {
            return flows.count() == 0 ? Double.NaN : cpuSeconds * 1000 / flows.count();
        }

        /**
         * The same run with the CPU seconds and largest PSS of the system measured (summed over its processes), and
         * the usage of each process sampled (the load driver's too, which is not the system's).
         */
        FlowRun withUsage(double cpu, long pss, List<ProcessSampler.Usage> processes) {
            return new FlowRun(name, rate, seconds, steps, flows, byStep, cpu, pss, processes);
        }
    }

    private final OpenLoad load;
    private final HttpClient http;

    FlowLoad(HttpClient http) {
        this.http = http;
        this.load = new OpenLoad(http);
    }

    /**
     * Flows at {@code rate} a second for this long, each with its state from {@code newFlow} (null: no more flows);
     * waits until all are done.
     */
    <F> FlowRun run(String name, double rate, Duration duration, IntFunction<F> newFlow, List<Step<F>> steps) {
        Map<String, Latencies> byStep = new LinkedHashMap<>();
        steps.forEach(s -> byStep.put(s.name(), new Latencies(s.name())));
        FlowRun run = new FlowRun(name, rate, duration.toSeconds(), new Latencies("steps of " + name), new Latencies(name), byStep,
                Double.NaN, 0, List.of());
        load.arrive(rate, duration, (i, due) -> {
            F flow = newFlow.apply(i);
            if (flow == null) {
                return null;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            next(flow, steps, 0, due, due, run, done);
            return done;
        });
        return run;
    }

    private <F> void next(F flow, List<Step<F>> steps, int index, long flowDue, long stepDue, FlowRun run, CompletableFuture<Void> done) {
        if (index == steps.size()) {
            run.flows().record(System.nanoTime() - flowDue);
            done.complete(null);
            return;
        }
        Step<F> step = steps.get(index);
        CompletableFuture<?> answer;
        try {
            answer = step.action().apply(flow);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((result, failure) -> {
            long now = System.nanoTime();
            if (failure != null) {
                String reason = reason(failure);
                run.steps().error(step.name() + ": " + reason);
                run.byStep().get(step.name()).error(reason);
                run.flows().error("stopped at " + step.name());
                done.complete(null);
            } else {
                run.steps().record(now - stepDue);
                run.byStep().get(step.name()).record(now - stepDue);
                next(flow, steps, index + 1, flowDue, now, run, done);
            }
        });
    }

    /** Sends a request; the answer must have this status, or the step fails naming the status. */
    CompletableFuture<HttpResponse<String>> send(HttpRequest request, int expectedStatus) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != expectedStatus) {
                throw new StepFailed("HTTP " + response.statusCode());
            }
            return response;
        });
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof StepFailed ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    static String lastSegment(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new StepFailed("no Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
