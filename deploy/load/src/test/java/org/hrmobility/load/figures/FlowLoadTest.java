package org.hrmobility.load.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FlowLoadTest {

    private final FlowLoad load = new FlowLoad(HttpClient.newHttpClient());

    /** A flow's state: what its steps did, in order. */
    static final class Trace {
        final int number;
        final List<String> done = new CopyOnWriteArrayList<>();

        Trace(int number) {
            this.number = number;
        }
    }

    private static FlowLoad.Step<Trace> step(String name) {
        return new FlowLoad.Step<>(name, t -> {
            t.done.add(name);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    @DisplayName("Flow load: each flow runs its steps in order, each step and each whole flow timed once")
    void stepsInOrder() {
        List<Trace> traces = new CopyOnWriteArrayList<>();
        FlowLoad.FlowRun run = load.run("test", 200, Duration.ofMillis(100), i -> {
            Trace t = new Trace(i);
            traces.add(t);
            return t;
        }, List.of(step("open"), step("guidance"), step("offer")));

        assertThat(traces).hasSize(20).allSatisfy(t -> assertThat(t.done).containsExactly("open", "guidance", "offer"));
        assertThat(run.flows().count()).isEqualTo(20);
        assertThat(run.steps().count()).isEqualTo(60);
        assertThat(run.byStep().get("guidance").count()).isEqualTo(20);
        assertThat(run.flows().errorCount()).isZero();
    }

    @Test
    @DisplayName("Flow load: a failing step stops its flow, is counted against the step and the flow, and the rate does not hold")
    void failingStepStopsTheFlow() {
        FlowLoad.Step<Trace> failsForOdd = new FlowLoad.Step<>("offer", t -> t.number % 2 == 1
                ? CompletableFuture.failedFuture(new FlowLoad.StepFailed("HTTP 409")) : CompletableFuture.completedFuture(null));
        List<Trace> traces = new CopyOnWriteArrayList<>();
        FlowLoad.FlowRun run = load.run("test", 200, Duration.ofMillis(100), i -> {
            Trace t = new Trace(i);
            traces.add(t);
            return t;
        }, List.of(step("open"), failsForOdd, step("refusal")));

        assertThat(run.flows().count()).isEqualTo(10);
        assertThat(run.flows().errorSummary()).isEqualTo("{stopped at offer=10}");
        assertThat(run.byStep().get("offer").errorSummary()).isEqualTo("{HTTP 409=10}");
        assertThat(traces.stream().filter(t -> t.done.contains("refusal")).count()).isEqualTo(10);
        assertThat(run.holds()).isFalse();
    }

    @Test
    @DisplayName("Flow load: no more flows (null) ends the arrivals early; an exception thrown by a step counts as its failure")
    void endsEarlyAndCountsThrown() {
        FlowLoad.Step<Trace> throwing = new FlowLoad.Step<>("open", t -> {
            throw new IllegalStateException("no case");
        });
        FlowLoad.FlowRun run = load.run("test", 200, Duration.ofMillis(100), i -> i < 5 ? new Trace(i) : null, List.of(throwing));

        assertThat(run.flows().count()).isZero();
        assertThat(run.flows().errorCount()).isEqualTo(5);
        assertThat(run.steps().errorSummary()).isEqualTo("{open: IllegalStateException=5}");
    }

    @Test
    @DisplayName("Flow load: CPU per flow is the system's CPU time over the flows completed")
    void cpuPerFlow() {
        FlowLoad.FlowRun run = load.run("test", 200, Duration.ofMillis(100), Trace::new, List.of(step("open")))
                .withUsage(0.5, 300, List.of());

        assertThat(run.cpuMillisPerFlow()).isEqualTo(25.0);
    }
}
