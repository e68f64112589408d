package org.hrmobility.load.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hrmobility.devstack.DocsSection;

/** The figures of one {@link PeerRun}: the flow on the peer and on the suite, as text and as its section of docs/performance.md. */
record PeerSummary(PeerSummary.System peer, PeerSummary.System suite, String suiteNote) {

    static final DocsSection SECTION = DocsSection.named("peer-run", "PeerRun");

    /** One system's step-ups, a round each (cold, then warm), and what it ran on. */
    record System(String name, int requestsPerFlow, double readySeconds, long idleRssMib, List<String> rounds,
                  List<List<FlowLoad.FlowRun>> byRound, Machine machine) {
    }

    /** The highest rate held: the step before the first whose steps' p99 passes 100 ms or whose flows fail; empty if the first does. */
    static Optional<FlowLoad.FlowRun> held(List<FlowLoad.FlowRun> steps) {
        FlowLoad.FlowRun last = null;
        for (FlowLoad.FlowRun step : steps) {
            if (!step.holds()) {
                break;
            }
            last = step;
        }
        return Optional.ofNullable(last);
    }

    /**
     * In words: between which rates the goal stops holding. When the first steps already miss it (a JVM just started
     * compiles its hot paths then), which ones, and where the steps after them stop holding.
     */
    static String knee(List<FlowLoad.FlowRun> steps) {
        if (steps.isEmpty()) {
            return "not measured";
        }
        int firstHeld = 0;
        while (firstHeld < steps.size() && !steps.get(firstHeld).holds()) {
            firstHeld++;
        }
        if (firstHeld == 0) {
            return heldFromTheFirst(steps);
        }
        String missed = firstHeld == 1 ? "not at the first rate, " + rate(steps.get(0))
                : "not at the first " + firstHeld + " rates, " + rate(steps.get(0)) + " to " + rate(steps.get(firstHeld - 1));
        return firstHeld == steps.size() ? missed
                : missed + "; from " + rate(steps.get(firstHeld)) + " on: " + heldFromTheFirst(steps.subList(firstHeld, steps.size()));
    }

    /** Where steps whose first holds stop holding. */
    private static String heldFromTheFirst(List<FlowLoad.FlowRun> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).holds()) {
                return "held up to " + rate(steps.get(i - 1)) + ", not at " + rate(steps.get(i));
            }
        }
        return "held at every rate tried, up to " + rate(steps.get(steps.size() - 1));
    }

    String text() {
        return "\n" + markdown();
    }

    void writeInto(Path docs) throws IOException {
        SECTION.write(docs, markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        Machine m = peer.machine();
        md.append("### The flow on Operaton and on the suite, one run (").append(LocalDate.now()).append(")\n\n");
        md.append(String.format("%d cores, %,d MiB, %s; load driver %s; PostgreSQL %s (%s). Peer: %s, with the suite's JVM settings, "
                        + "ready in %.1f s, RSS %,d MiB idle.%s%n%n", m.cores(), m.memoryMib(), m.os(), m.java(), m.postgres(), m.commitSettings(),
                peer.name(), peer.readySeconds(), peer.idleRssMib(),
                suite == null ? " The suite's side was not measured in this run: " + suiteNote + "." : ""));
        List<System> systems = suite == null ? List.of(peer) : List.of(peer, suite);
        List<String> columns = new ArrayList<>();
        List<FlowLoad.FlowRun> heldRuns = new ArrayList<>();
        List<List<FlowLoad.FlowRun>> stepUps = new ArrayList<>();
        for (System s : systems) {
            for (int r = 0; r < s.rounds().size(); r++) {
                columns.add((s == peer ? "Operaton" : "suite") + ", " + s.rounds().get(r));
                stepUps.add(s.byRound().get(r));
                heldRuns.add(held(s.byRound().get(r)).orElse(null));
            }
        }
        md.append("| figure | ").append(String.join(" | ", columns)).append(" |\n|---|").append("---|".repeat(columns.size())).append("\n");
        row(md, "HTTP requests in one flow", systems, s -> String.valueOf(s.requestsPerFlow()));
        cells(md, "flows a second held (steps' p99 under 100 ms, none failed)", stepUps, heldRuns, (steps, h) -> h == null ? "none" : rate(h));
        cells(md, "where it stops holding", stepUps, heldRuns, (steps, h) -> knee(steps));
        cells(md, "at that rate: steps p50 / p99", stepUps, heldRuns,
                (steps, h) -> h == null ? "" : String.format("%.1f / %.1f ms", h.steps().p50(), h.steps().p99()));
        cells(md, "at that rate: a whole flow p50 / p99", stepUps, heldRuns,
                (steps, h) -> h == null ? "" : String.format("%.0f / %.0f ms", h.flows().p50(), h.flows().p99()));
        cells(md, "at that rate: CPU per flow (the system's processes)", stepUps, heldRuns,
                (steps, h) -> h == null ? "" : String.format("%.1f ms", h.cpuMillisPerFlow()));
        cells(md, "largest PSS (the system's processes)", stepUps, heldRuns,
                (steps, h) -> String.format("%,d MiB", steps.stream().mapToLong(FlowLoad.FlowRun::maxPssMib).max().orElse(0)));

        md.append("\nEach rate for ").append(stepUps.get(0).isEmpty() ? "?" : stepUps.get(0).get(0).seconds())
                .append(" s (flows arriving, open model):\n\n")
                .append("| system, round | rate | flows | steps p50 / p99 | flow p50 / p99 | CPU per flow | errors |\n|---|---|---|---|---|---|---|\n");
        for (int c = 0; c < columns.size(); c++) {
            for (FlowLoad.FlowRun run : stepUps.get(c)) {
                md.append(String.format("| %s | %s | %d | %.1f / %.1f ms | %.0f / %.0f ms | %.1f ms | %s |%n", columns.get(c), rate(run),
                        run.flows().count(), run.steps().p50(), run.steps().p99(), run.flows().p50(), run.flows().p99(),
                        run.cpuMillisPerFlow(), run.steps().errorSummary()));
            }
        }
        md.append("\np99 of each step at the highest rate held, ").append(String.join(" and ", columns.stream()
                .filter(c -> c.endsWith(lastRound())).toList())).append(":\n\n");
        List<FlowLoad.FlowRun> last = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).endsWith(lastRound()) && heldRuns.get(c) != null) {
                last.add(heldRuns.get(c));
            }
        }
        if (!last.isEmpty()) {
            md.append("| step |");
            last.forEach(r -> md.append(" ").append(r.name()).append(" |"));
            md.append("\n|---|").append("---|".repeat(last.size())).append("\n");
            for (String stepName : last.get(0).byStep().keySet()) {
                md.append("| ").append(stepName).append(" |");
                last.forEach(r -> {
                    Latencies l = r.byStep().get(stepName);
                    md.append(l == null ? " |" : String.format(" %.1f ms |", l.p99()));
                });
                md.append("\n");
            }
            md.append("\nCPU (in % of one core, averaged over the step), largest RSS and PSS per process at those rates:\n\n")
                    .append("| run | process | CPU | RSS | PSS |\n|---|---|---|---|---|\n");
            last.forEach(r -> r.usage().forEach(u -> md.append(String.format("| %s | %s | %.0f %% | %,d MiB | %,d MiB |%n", r.name(),
                    u.process().equals(ProcessSampler.DRIVER) ? "load driver (not counted)" : u.process(), u.cpuPercent(), u.maxRssMib(),
                    u.maxPssMib()))));
        }
        md.append("""

                A flow is timed as the performance run times a command: its first step from when the flow was due to arrive,
                each later step from the answer before it (a person acting at once), the whole flow from its arrival to its
                last answer. A step on Operaton is a fetch of the flow's task and its completion (two requests; the start is
                one); on the suite one command. CPU per flow is the CPU time of the system's processes over the step (the
                peer's JVM and its PostgreSQL; every process of the suite: gateway, services, Kafka, PostgreSQL, identity
                provider) divided by the flows completed; PSS is each process's largest, added up (PostgreSQL's RSS counts
                its shared buffers once per process, its PSS once). The peer is started by
                the run: its cold round begins right after its start; every later round follows a warm-up (30 s unless set) at the first
                rate. The suite's first round finds the suite as it is (cold only if it was just started).

                """);
        return md.toString();
    }

    private String lastRound() {
        return peer.rounds().get(peer.rounds().size() - 1);
    }

    private interface Cell {
        String of(List<FlowLoad.FlowRun> steps, FlowLoad.FlowRun held);
    }

    private static void cells(StringBuilder md, String figure, List<List<FlowLoad.FlowRun>> stepUps, List<FlowLoad.FlowRun> held, Cell cell) {
        md.append("| ").append(figure).append(" |");
        for (int c = 0; c < stepUps.size(); c++) {
            md.append(" ").append(cell.of(stepUps.get(c), held.get(c))).append(" |");
        }
        md.append("\n");
    }

    private static void row(StringBuilder md, String figure, List<System> systems, java.util.function.Function<System, String> value) {
        md.append("| ").append(figure).append(" |");
        systems.forEach(s -> s.rounds().forEach(r -> md.append(" ").append(value.apply(s)).append(" |")));
        md.append("\n");
    }

    private static String rate(FlowLoad.FlowRun run) {
        return String.format("%.0f/s", run.rate());
    }
}
