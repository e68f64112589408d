package org.hrmobility.load.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hrmobility.devstack.DocsSection;
import org.hrmobility.devstack.SuiteStart;

/**
 * The figures of one {@link PerformanceRun} beside the goals, as text and as the section of docs/performance.md: one
 * section for a run on fast storage, one for a run on durable storage, so that both settings stand side by side.
 */
record Summary(Machine machine, Optional<SuiteStart> start, List<AloneStarts.Alone> alone, Intake intake, Latencies direct, Latencies gateway, double rawCommits, double commandsPerSecond, int writers,
               Latencies writes, List<PerformanceRun.InboxRun> inboxRuns, List<ProcessSampler.Usage> usage, long totalPssMib,
               List<Step> steps) {

    /** A whole organisation's master data, published at once, taken in by every service (no consumer group behind). */
    record Intake(int employees, double seconds) {
    }

    /**
     * One step of the step-up: commands offered at a rate for a while, and their answers.
     *
     * @param afterOverload a rate below the knee offered right after the highest step, to see the suite recover
     */
    record Step(double rate, long seconds, Latencies answers, boolean afterOverload) {

        /** Commands answered as they should be, per second of the step: what the suite served of what it was offered. */
        double served() {
            return answers.count() / (double) seconds;
        }

        String label() {
            return label(rate, afterOverload);
        }

        static String label(double rate, boolean afterOverload) {
            return String.format("%.0f/s", rate) + (afterOverload ? ", right after" : "");
        }
    }

    static final DocsSection FAST = DocsSection.named("performance-run", "PerformanceRun");
    static final DocsSection DURABLE = DocsSection.named("performance-run durable", "PerformanceRun");

    String text() {
        return "\n" + markdown();
    }

    /** Replaces the section of the run's storage setting in the file (or appends it the first time). */
    void writeInto(Path docs) throws IOException {
        (machine.durable() ? DURABLE : FAST).write(docs, markdown());
    }


    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Side by side, one run on ").append(machine.durable() ? "durable" : "fast").append(" storage (")
                .append(LocalDate.now()).append(")\n\n");
        md.append(String.format("%d cores, %,d MiB, %s; load driver %s; Kafka %s; PostgreSQL %s (%s).%n%n", machine.cores(),
                machine.memoryMib(), machine.os(), machine.java(), machine.kafka(), machine.postgres(), machine.commitSettings()));
        md.append("| figure | measured | goal | met |\n|---|---|---|---|\n");
        startRow(md);
        aloneRows(md);
        row(md, String.format("master data: %,d employees published, taken in by every service", intake.employees()),
                String.format("%.1f s (%,.0f a second)", intake.seconds(), intake.employees() / intake.seconds()), "under 30 s",
                met(intake.seconds() < 30));
        // a phase left out of the run (-Dperf.phases) has no row: a goal is never judged on figures nobody measured
        if (direct.count() > 0 && gateway.count() > 0) {
            double overhead = gateway.p99() / direct.p99() - 1;
            row(md, "GET a case straight to the service, p50 / p99", ms(direct), "", "");
            row(md, "the same through the gateway, p50 / p99", ms(gateway), "", "");
            row(md, "gateway's addition to p99", String.format("%+.0f %%", overhead * 100), "at most +30 %", met(overhead <= 0.30));
        }
        if (!Double.isNaN(rawCommits) && !Double.isNaN(commandsPerSecond)) {
            double share = commandsPerSecond / rawCommits;
            String storage = machine.durable() ? "durable" : "fast";
            row(md, String.format("PostgreSQL single-row commits, %d clients, %s storage", writers, storage), String.format("%,.0f /s", rawCommits),
                    "", "");
            row(md, String.format("open a case through the gateway, %d clients", writers),
                    String.format("%,.0f /s (p50 %.1f ms, p99 %.1f ms)", commandsPerSecond, writes.p50(), writes.p99()), "", "");
            // the goal is set against durable commits: on fast storage the ratio is shown, the goal is not judged
            row(md, "write command rate / " + storage + " single-row commit rate", String.format("%.1f %%", share * 100),
                    machine.durable() ? "at least 50 %" : "on durable storage", machine.durable() ? met(share >= 0.5) : "");
        }
        for (PerformanceRun.InboxRun run : inboxRuns) {
            boolean goal = run == inboxRuns.get(inboxRuns.size() - 1);
            Latencies commands = run.commands();
            Latencies toInbox = run.toInbox();
            int errors = commands.errorCount() + toInbox.errorCount();
            // a latency goal is never met in a phase with errors: the requests that failed are not in the percentiles
            row(md, String.format("open a case at %.0f/s for %d s: answers p50 / p99", run.rate(), run.seconds()), ms(commands), "", "");
            row(md, String.format("at %.0f/s, command sent to notification on the line manager's stream, p50", run.rate()),
                    String.format("%.1f ms", toInbox.p50()), goal ? "under 20 ms" : "", goal ? met(errors == 0 && toInbox.p50() < 20) : "");
            row(md, String.format("at %.0f/s, command sent to notification on the stream, p99", run.rate()), String.format("%.1f ms", toInbox.p99()),
                    goal ? "under 100 ms" : "", goal ? met(errors == 0 && toInbox.p99() < 100) : "");
            row(md, String.format("at %.0f/s, errors", run.rate()),
                    errors(commands, toInbox), goal ? "none" : "", goal ? met(errors == 0) : "");
        }
        if (totalPssMib > 0) {
            row(md, "whole suite memory (largest sum of PSS at one moment)", String.format("%,d MiB", totalPssMib), "under 3 GiB",
                    met(totalPssMib < 3072));
        }
        if (!steps.isEmpty()) {
            overloadRows(md);
            md.append("\nStep-up, cases opened at rising rates, then at the first rate again (answers, open model):\n\n")
                    .append("| rate offered | served (2xx a second) | p50 | p99 | errors |\n|---|---|---|---|---|\n");
            steps.forEach(s -> md.append(String.format("| %s | %.0f | %.1f ms | %.1f ms | %s |%n", s.label(), s.served(),
                    s.answers().p50(), s.answers().p99(), s.answers().errorSummary())));
            md.append("\n").append(knee()).append("\n");
        }
        if (!inboxRuns.isEmpty()) {
            md.append(String.format("%nCPU (in %% of one core, averaged) and largest memory per process while opening cases at %.0f/s:%n%n",
                    inboxRuns.get(inboxRuns.size() - 1).rate()));
            md.append("| process | CPU | RSS | PSS |\n|---|---|---|---|\n");
            usage.forEach(u -> md.append(String.format("| %s | %.0f %% | %,d MiB | %,d MiB |%n", u.process(), u.cpuPercent(), u.maxRssMib(),
                    u.maxPssMib())));
        }
        md.append("\nThe latency of a command is timed from when it was due to be sent (an open model), so a stall counts for\n")
                .append("every request behind it. The stream figure runs from when the command was sent (a point that precedes its\n")
                .append("event, so it is never negative) to the notification's arrival on the live stream, through the service's\n")
                .append("commit, Kafka, the notification service and the gateway. A 503 is the gateway shedding what a service cannot\n")
                .append("take at once (with Retry-After). RSS of PostgreSQL sums its processes, so its shared buffers count once per process; PSS divides\n")
                .append("shared pages among the processes sharing them, so the suite's total is a sum of PSS.\n\n");
        return md.toString();
    }

    /**
     * The start of the suite measured, as its launcher timed it (./run-local, jars built): judged against the goal only on a
     * start that did not make the start caches, which happens once per build.
     */
    private void startRow(StringBuilder md) {
        String figure = "the suite measured: its start with `./run-local` (jars built), every process ready";
        if (start.isEmpty()) {
            row(md, figure, "not known (its launcher left no start: not `./run-local`, or an older build)", "under 30 s", "");
            return;
        }
        SuiteStart s = start.get();
        String slowest = s.processes().stream().max(Comparator.comparingDouble(SuiteStart.Process::readySeconds))
                .map(p -> String.format("; the last, %s, %.1f s after its own start", p.name(), p.readySeconds())).orElse("");
        if (s.madeCaches()) {
            row(md, figure, String.format("%.1f s, of it %.1f s making the start caches (the first start after a build)%s",
                    s.readySeconds(), s.cachesSeconds(), slowest), "under 30 s, on a later start", "");
        } else {
            row(md, figure, String.format("%.1f s (%s)%s", s.readySeconds(), s.runtime(), slowest), "under 30 s",
                    met(s.readySeconds() < 30));
        }
    }

    /** Each service started alone: judged on the service's own time to ready, the whole command shown beside it. */
    private void aloneRows(StringBuilder md) {
        for (AloneStarts.Alone a : alone) {
            String figure = String.format("%s-service started alone (`./run-local --only %s`), ready after its own start", a.service(),
                    a.service());
            Optional<SuiteStart.Process> process = a.process();
            if (process.isEmpty()) {
                row(md, figure, a.failure(), "under 10 s", met(false));
                continue;
            }
            SuiteStart s = a.start().orElseThrow();
            String whole = String.format("%.1f s (the command, with its devstack and identity provider: %.1f s)",
                    process.get().readySeconds(), s.readySeconds());
            row(md, figure, whole, s.madeCaches() ? "under 10 s, on a later start" : "under 10 s",
                    s.madeCaches() ? "" : met(process.get().readySeconds() < 10));
        }
    }

    /** Where the rising steps' p99 first passes 100 ms. */
    String knee() {
        List<Step> rising = rising();
        for (int i = 0; i < rising.size(); i++) {
            Latencies answers = rising.get(i).answers();
            if (answers.p99() > 100 || answers.errorCount() > 0) {
                return i == 0 ? "p99 is over 100 ms (or requests fail) from the first step, " + rising.get(0).label() + "."
                        : "p99 passes 100 ms (or requests fail) between " + rising.get(i - 1).label() + " and " + rising.get(i).label() + ".";
            }
        }
        return "p99 stays under 100 ms up to " + rising.get(rising.size() - 1).label() + ".";
    }

    /**
     * Overload without collapse: past the knee the suite serves at its capacity (the highest step serves at least 90 %
     * of the most any step served) and sheds only the excess, and right after it a rate it took before is served
     * without errors.
     */
    private void overloadRows(StringBuilder md) {
        List<Step> rising = rising();
        Step highest = rising.get(rising.size() - 1);
        double most = rising.stream().mapToDouble(Step::served).max().orElse(0);
        row(md, String.format("step-up: served at the highest rate offered, %s, against the most served", highest.label()),
                String.format("%.0f /s of at most %.0f /s", highest.served(), most), "levels off (at least 90 %)",
                met(highest.served() >= 0.9 * most));
        steps.stream().filter(Step::afterOverload).forEach(after -> row(md, "step-up: " + after.label() + " the highest rate, errors",
                after.answers().errorSummary(), "none", met(after.answers().errorCount() == 0)));
    }

    private List<Step> rising() {
        return steps.stream().filter(s -> !s.afterOverload()).toList();
    }

    /** What failed in a phase, the answers' and the stream's each named, or none. */
    private static String errors(Latencies answers, Latencies stream) {
        List<String> failed = new ArrayList<>();
        if (answers.errorCount() > 0) {
            failed.add("answers " + answers.errorSummary());
        }
        if (stream.errorCount() > 0) {
            failed.add("on the stream " + stream.errorSummary());
        }
        return failed.isEmpty() ? "none" : String.join("; ", failed);
    }

    private static String ms(Latencies l) {
        return String.format("%.1f / %.1f ms (%d requests, errors: %s)", l.p50(), l.p99(), l.count(), l.errorSummary());
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void row(StringBuilder md, String figure, String measured, String goal, String met) {
        md.append("| ").append(figure).append(" | ").append(measured).append(" | ").append(goal).append(" | ").append(met).append(" |\n");
    }
}
