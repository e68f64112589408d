package org.hrmobility.load.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerSummaryTest {

    @TempDir
    Path dir;

    /** A step of the step-up: flows at this rate whose steps took these times, and so many failed flows. */
    static FlowLoad.FlowRun at(double rate, long stepMillis, int failed) {
        Latencies steps = SummaryTest.of("steps", stepMillis, stepMillis);
        Latencies flows = SummaryTest.of("flows", stepMillis * 8);
        for (int i = 0; i < failed; i++) {
            flows.error("stopped at offer 1");
        }
        Map<String, Latencies> byStep = new LinkedHashMap<>();
        byStep.put("open", SummaryTest.of("open", stepMillis));
        return new FlowLoad.FlowRun("system at " + (int) rate + "/s", rate, 10, steps, flows, byStep, 0.4, 300,
                List.of(new ProcessSampler.Usage(PeerRun.PEER, 40, 350, 330)));
    }

    static PeerSummary.System system(List<FlowLoad.FlowRun> cold, List<FlowLoad.FlowRun> warm) {
        Machine machine = new Machine(2, 24_000, "Linux", "Java 17", "4.1.2", "18.6", "fsync off", false);
        return new PeerSummary.System("Operaton 1.0.3", 15, 12.0, 250, List.of("cold", "warm"), List.of(cold, warm), machine);
    }

    @Test
    @DisplayName("Peer figures: the rate held is the last step before the first whose steps' p99 passes 100 ms or whose flows fail; "
            + "a cold first step is named, and where the steps after it stop holding")
    void held() {
        List<FlowLoad.FlowRun> steps = List.of(at(5, 20, 0), at(10, 40, 0), at(15, 150, 0), at(20, 60, 0));
        assertThat(PeerSummary.held(steps)).get().extracting(FlowLoad.FlowRun::rate).isEqualTo(10.0);
        assertThat(PeerSummary.knee(steps)).isEqualTo("held up to 10/s, not at 15/s");

        List<FlowLoad.FlowRun> failing = List.of(at(5, 20, 0), at(10, 40, 1));
        assertThat(PeerSummary.knee(failing)).isEqualTo("held up to 5/s, not at 10/s");
        assertThat(PeerSummary.held(List.of(at(5, 200, 0)))).isEmpty();
        assertThat(PeerSummary.knee(List.of(at(5, 200, 0)))).isEqualTo("not at the first rate, 5/s");
        assertThat(PeerSummary.knee(List.of(at(5, 200, 0), at(10, 40, 0), at(15, 300, 0))))
                .isEqualTo("not at the first rate, 5/s; from 10/s on: held up to 10/s, not at 15/s");
        assertThat(PeerSummary.knee(List.of(at(5, 20, 0), at(10, 30, 0)))).isEqualTo("held at every rate tried, up to 10/s");
        // a cold JVM that misses several rates before it holds: named once, not as "the first rate" again and again
        assertThat(PeerSummary.knee(List.of(at(5, 200, 0), at(10, 300, 0), at(15, 40, 0), at(20, 300, 0))))
                .isEqualTo("not at the first 2 rates, 5/s to 10/s; from 15/s on: held up to 15/s, not at 20/s");
        assertThat(PeerSummary.knee(List.of(at(5, 200, 0), at(10, 300, 0)))).isEqualTo("not at the first 2 rates, 5/s to 10/s");
    }

    @Test
    @DisplayName("Peer figures: the run's section of docs/performance.md is replaced in place, beside the performance run's, the rest kept")
    void writesItsOwnSection() throws Exception {
        Path docs = dir.resolve("performance.md");
        Files.writeString(docs, "# Performance\n\n" + Summary.FAST.startMarker() + "\nthe performance run\n" + Summary.FAST.endMarker() + "\n\nBy hand.\n");
        PeerSummary summary = new PeerSummary(system(List.of(at(5, 20, 0), at(10, 150, 0)), List.of(at(5, 10, 0), at(10, 40, 0))), null,
                "the suite was not running");

        summary.writeInto(docs);
        summary.writeInto(docs);

        String written = Files.readString(docs);
        assertThat(written.split(PeerSummary.SECTION.startMarker(), -1)).hasSize(2);
        assertThat(written).contains("the performance run").contains("By hand.")
                .contains("| flows a second held (steps' p99 under 100 ms, none failed) | 5/s | 10/s |")
                .contains("| at that rate: CPU per flow (the system's processes) | 400.0 ms | 400.0 ms |")
                .contains("The suite's side was not measured in this run: the suite was not running.");
    }
}
