package org.hrmobility.load.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hrmobility.devstack.SuiteStart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path dir;

    static Latencies of(String name, long... millis) {
        Latencies l = new Latencies(name);
        for (long ms : millis) {
            l.record(ms * 1_000_000L);
        }
        return l;
    }

    static Summary summary(List<Summary.Step> steps) {
        return summary(steps, false);
    }

    static Summary summary(List<Summary.Step> steps, boolean durable) {
        return summary(steps, durable, Optional.empty());
    }

    static Summary summary(List<Summary.Step> steps, boolean durable, Optional<SuiteStart> start) {
        return summary(steps, durable, start, List.of());
    }

    static Summary summary(List<Summary.Step> steps, boolean durable, Optional<SuiteStart> start, List<AloneStarts.Alone> alone) {
        Machine machine = new Machine(2, 24_000, "Linux", "Java 17", "4.1.2", "18.6", durable ? "fsync on" : "fsync off", durable);
        return new Summary(machine, start, alone, new Summary.Intake(33_000, 21.5), of("direct", 2, 6), of("gateway", 3, 9), 60_000, 300, 16, of("writes", 40, 100),
                List.of(new PerformanceRun.InboxRun(300, 20, of("commands", 50), of("stream", 15, 90))),
                List.of(new ProcessSampler.Usage("gateway", 30, 400, 380)), 2_800, steps);
    }

    @Test
    @DisplayName("Performance figures: the run's section of docs/performance.md is replaced in place, the rest kept; appended the first time")
    void writesItsOwnSectionOnly() throws Exception {
        Path docs = dir.resolve("performance.md");
        Files.writeString(docs, "# Performance\n\nBy hand, before.\n");
        summary(List.of()).writeInto(docs);
        String first = Files.readString(docs);
        assertThat(first).startsWith("# Performance\n\nBy hand, before.\n").contains(Summary.FAST.startMarker()).contains(Summary.FAST.endMarker());

        Files.writeString(docs, first + "\nBy hand, after.\n");
        summary(List.of()).writeInto(docs);
        String second = Files.readString(docs);
        assertThat(second.split(Summary.FAST.startMarker(), -1)).hasSize(2);
        assertThat(second).contains("By hand, before.").contains("By hand, after.")
                .contains("| gateway's addition to p99 | +50 % | at most +30 % | **no** |")
                .contains("| at 300/s, command sent to notification on the stream, p99 | 90.0 ms | under 100 ms | yes |");
    }

    @Test
    @DisplayName("Performance II, start: the suite's own start is judged against 30 s, except the first start after a build, which made the caches")
    void startOfTheSuiteMeasured() {
        List<SuiteStart.Process> processes = List.of(new SuiteStart.Process("gateway", 14.2, 180),
                new SuiteStart.Process("notification-service", 23.4, 260), new SuiteStart.Process("console", 20.0, 140));

        assertThat(summary(List.of(), false, Optional.of(new SuiteStart(Instant.EPOCH, 27.5, 0, "Java 25", processes))).text())
                .contains("| the suite measured: its start with `./run-local` (jars built), every process ready | 27.5 s (Java 25);"
                        + " the last, notification-service, 23.4 s after its own start | under 30 s | yes |");
        assertThat(summary(List.of(), false, Optional.of(new SuiteStart(Instant.EPOCH, 31.0, 0, "Java 25", processes))).text())
                .contains("| under 30 s | **no** |");
        assertThat(summary(List.of(), false, Optional.of(new SuiteStart(Instant.EPOCH, 190.2, 150.1, "Java 25", processes))).text())
                .contains("190.2 s, of it 150.1 s making the start caches (the first start after a build)")
                .contains("| under 30 s, on a later start |  |");
        assertThat(summary(List.of()).text()).contains("not known (its launcher left no start");
    }

    @Test
    @DisplayName("Performance II, start: each service started alone is judged on its own time to ready against 10 s; one that never got ready is not met")
    void servicesStartedAlone() {
        List<AloneStarts.Alone> alone = List.of(alone("redeployment", 5.5, 10.2), alone("notification", 11.0, 16.0),
                new AloneStarts.Alone("mobility", Optional.empty(), "not ready within 3 min (alone-mobility.log)"));

        assertThat(summary(List.of(), false, Optional.empty(), alone).text())
                .contains("| redeployment-service started alone (`./run-local --only redeployment`), ready after its own start | 5.5 s"
                        + " (the command, with its devstack and identity provider: 10.2 s) | under 10 s | yes |")
                .contains("| notification-service started alone (`./run-local --only notification`), ready after its own start | 11.0 s"
                        + " (the command, with its devstack and identity provider: 16.0 s) | under 10 s | **no** |")
                .contains("| not ready within 3 min (alone-mobility.log) | under 10 s | **no** |");
    }

    private static AloneStarts.Alone alone(String service, double serviceSeconds, double commandSeconds) {
        return new AloneStarts.Alone(service, Optional.of(new SuiteStart(Instant.EPOCH, commandSeconds, 0, "Java 25",
                List.of(new SuiteStart.Process("identity-provider", 4.0, 150), new SuiteStart.Process(service + "-service", serviceSeconds, 280)))),
                "");
    }

    @Test
    @DisplayName("Performance figures: a latency goal is never marked met in a phase with errors, however fast the answers that came")
    void noGoalMetWithErrors() {
        Latencies toInbox = of("stream", 15, 90);
        toInbox.error("not on the stream within 10 s");
        Machine machine = new Machine(2, 24_000, "Linux", "Java 17", "4.1.2", "18.6", "fsync off", false);
        Summary summary = new Summary(machine, Optional.empty(), List.of(), new Summary.Intake(33_000, 40.0), of("direct", 2, 6), of("gateway", 3, 9), 60_000,
                300, 16, of("writes", 40, 100), List.of(new PerformanceRun.InboxRun(300, 20, of("commands", 50), toInbox)),
                List.of(), 2_800, List.of());

        assertThat(summary.text())
                .contains("| at 300/s, command sent to notification on the line manager's stream, p50 | 15.0 ms | under 20 ms | **no** |")
                .contains("| at 300/s, command sent to notification on the stream, p99 | 90.0 ms | under 100 ms | **no** |")
                .contains("taken in by every service | 40.0 s (825 a second) | under 30 s | **no** |")
                .contains("| at 300/s, errors | on the stream {not on the stream within 10 s=1} | none | **no** |");
    }

    static Summary.Step step(double rate, long... millis) {
        return new Summary.Step(rate, 1, of("open a case", millis), false);
    }

    @Test
    @DisplayName("Performance figures: a run of some phases only (-Dperf.phases) judges no goal of the phases it left out")
    void phasesLeftOutAreNotJudged() {
        Machine machine = new Machine(2, 24_000, "Linux", "Java 17", "4.1.2", "18.6", "fsync off", false);
        Summary stepUpOnly = new Summary(machine, Optional.empty(), List.of(), new Summary.Intake(33_000, 21.5), new Latencies("direct"), new Latencies("gateway"),
                Double.NaN, Double.NaN, 16, new Latencies("writes"), List.of(), List.of(), 0, List.of(step(100, 5, 20)));

        assertThat(stepUpOnly.text())
                .contains("| step-up: served at the highest rate offered")
                .doesNotContain("gateway's addition", "NaN", "whole suite memory", "single-row commit", "CPU (in %");
    }

    @Test
    @DisplayName("Performance figures: the step-up names the two rates between which p99 passes 100 ms")
    void knee() {
        assertThat(summary(List.of(step(100, 5, 20), step(150, 9, 60), step(200, 30, 250))).knee())
                .isEqualTo("p99 passes 100 ms (or requests fail) between 150/s and 200/s.");
        assertThat(summary(List.of(step(100, 5, 20))).knee()).isEqualTo("p99 stays under 100 ms up to 100/s.");
    }

    @Test
    @DisplayName("Performance figures: overload without collapse is met only when the served rate levels off and the rate after has no errors")
    void overload() {
        Latencies after = of("open a case", 4, 8);
        Summary levelled = summary(List.of(step(2, 5, 20), step(4, 9, 60, 70, 80), step(8, 30, 250, 300, 400),
                new Summary.Step(2, 1, after, true)));
        assertThat(levelled.text())
                .contains("| step-up: served at the highest rate offered, 8/s, against the most served | 4 /s of at most 4 /s | levels off (at least 90 %) | yes |")
                .contains("| step-up: 2/s, right after the highest rate, errors | none | none | yes |")
                .contains("| 2/s, right after | 2 | 4.0 ms | 8.0 ms | none |");

        after.error("HTTP 503");
        Summary collapsed = summary(List.of(step(2, 5, 20), step(4, 9, 60, 70, 80), step(8, 30), new Summary.Step(2, 1, after, true)));
        assertThat(collapsed.text())
                .contains("| step-up: served at the highest rate offered, 8/s, against the most served | 1 /s of at most 4 /s | levels off (at least 90 %) | **no** |")
                .contains("| step-up: 2/s, right after the highest rate, errors | {HTTP 503=1} | none | **no** |");
    }

    @Test
    @DisplayName("Performance figures: the write goal is judged against durable commits only, and each storage setting keeps its own section")
    void durableStorage() throws Exception {
        assertThat(summary(List.of()).text()).contains("| write command rate / fast single-row commit rate | 0.5 % | on durable storage |  |");
        assertThat(summary(List.of(), true).text()).contains("| write command rate / durable single-row commit rate | 0.5 % | at least 50 % | **no** |");

        Path docs = dir.resolve("performance.md");
        summary(List.of()).writeInto(docs);
        summary(List.of(), true).writeInto(docs);
        summary(List.of(), true).writeInto(docs);
        String both = Files.readString(docs);
        assertThat(both.split(Summary.FAST.startMarker(), -1)).hasSize(2);
        assertThat(both.split(Summary.DURABLE.startMarker(), -1)).hasSize(2);
        assertThat(both).contains("one run on fast storage").contains("one run on durable storage");
    }
}
