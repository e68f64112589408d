package org.hrmobility.load.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The figures of one {@link PerformanceRun} beside the goals, as text and as the section of docs/performance.md. */
record Summary(Machine machine, Intake intake, Latencies direct, Latencies gateway, double rawCommits, double commandsPerSecond, int writers,
               Latencies writes, List<PerformanceRun.InboxRun> inboxRuns, List<ProcessSampler.Usage> usage, long totalPssMib,
               List<Latencies> steps) {

    /** A whole organisation's master data, published at once, taken in by every service (no consumer group behind). */
    record Intake(int employees, double seconds) {
    }

    static final String START = "<!-- performance-run: written by PerformanceRun, do not edit by hand -->";
    static final String END = "<!-- /performance-run -->";

    String text() {
        return "\n" + markdown();
    }

    /** Replaces the run's section in the file (or appends it the first time). */
    void writeInto(Path docs) throws IOException {
        writeSection(docs, START, END, markdown());
    }

    /**
     * Replaces what stands between these two markers in the file with this markdown (or appends markers and markdown
     * the first time), keeping the rest as it is: how each run writes its own section of docs/performance.md.
     */
    static void writeSection(Path docs, String startMarker, String endMarker, String markdown) throws IOException {
        String current = Files.exists(docs) ? Files.readString(docs) : "# Performance\n";
        String section = startMarker + "\n" + markdown + endMarker;
        int start = current.indexOf(startMarker);
        int end = current.indexOf(endMarker);
        String updated = start >= 0 && end > start
                ? current.substring(0, start) + section + current.substring(end + endMarker.length())
                : current.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(docs, updated);
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Side by side, one run (").append(LocalDate.now()).append(")\n\n");
        md.append(String.format("%d cores, %,d MiB, %s; load driver %s; Kafka %s; PostgreSQL %s (%s).%n%n", machine.cores(),
                machine.memoryMib(), machine.os(), machine.java(), machine.kafka(), machine.postgres(), machine.commitSettings()));
        md.append("| figure | measured | goal | met |\n|---|---|---|---|\n");
        row(md, String.format("master data: %,d employees published, taken in by every service", intake.employees()),
                String.format("%.1f s (%,.0f a second)", intake.seconds(), intake.employees() / intake.seconds()), "under 30 s",
                met(intake.seconds() < 30));
        double overhead = gateway.p99() / direct.p99() - 1;
        row(md, "GET a case straight to the service, p50 / p99", ms(direct), "", "");
        row(md, "the same through the gateway, p50 / p99", ms(gateway), "", "");
        row(md, "gateway's addition to p99", String.format("%+.0f %%", overhead * 100), "at most +30 %", met(overhead <= 0.30));
        double share = commandsPerSecond / rawCommits;
        row(md, String.format("PostgreSQL single-row commits, %d clients", writers), String.format("%,.0f /s", rawCommits), "", "");
        row(md, String.format("open a case through the gateway, %d clients", writers),
                String.format("%,.0f /s (p50 %.1f ms, p99 %.1f ms)", commandsPerSecond, writes.p50(), writes.p99()), "", "");
        row(md, "write command rate / raw commit rate", String.format("%.1f %%", share * 100), "at least 50 %", met(share >= 0.5));
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
                    errors == 0 ? "none" : commands.errorSummary() + " " + toInbox.errorSummary(), goal ? "none" : "", goal ? met(errors == 0) : "");
        }
        row(md, "whole suite memory (largest sum of PSS at one moment)", String.format("%,d MiB", totalPssMib), "under 3 GiB",
                met(totalPssMib < 3072));
        if (!steps.isEmpty()) {
            md.append("\nStep-up, cases opened at rising rates (answers, open model):\n\n| rate | p50 | p99 | errors |\n|---|---|---|---|\n");
            steps.forEach(s -> md.append(String.format("| %s | %.1f ms | %.1f ms | %s |%n", rateOf(s), s.p50(), s.p99(),
                    s.errorSummary())));
            md.append("\n").append(knee()).append("\n");
        }
        md.append(String.format("%nCPU (in %% of one core, averaged) and largest memory per process while opening cases at %.0f/s:%n%n",
                inboxRuns.isEmpty() ? 0 : inboxRuns.get(inboxRuns.size() - 1).rate()));
        md.append("| process | CPU | RSS | PSS |\n|---|---|---|---|\n");
        usage.forEach(u -> md.append(String.format("| %s | %.0f %% | %,d MiB | %,d MiB |%n", u.process(), u.cpuPercent(), u.maxRssMib(),
                u.maxPssMib())));
        md.append("\nThe latency of a command is timed from when it was due to be sent (an open model), so a stall counts for\n")
                .append("every request behind it. A case opened is committed before the service answers: the stream figure runs from\n")
                .append("that answer to the notification's arrival on the live stream, through Kafka, the notification service and\n")
                .append("the gateway. RSS of PostgreSQL sums its processes, so its shared buffers count once per process; PSS divides\n")
                .append("shared pages among the processes sharing them, so the suite's total is a sum of PSS.\n\n");
        return md.toString();
    }

    /** Where the step-up's p99 first passes 100 ms. */
    String knee() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).p99() > 100 || steps.get(i).errorCount() > 0) {
                return i == 0 ? "p99 is over 100 ms (or requests fail) from the first step, " + rateOf(steps.get(0)) + "."
                        : "p99 passes 100 ms (or requests fail) between " + rateOf(steps.get(i - 1)) + " and " + rateOf(steps.get(i)) + ".";
            }
        }
        return "p99 stays under 100 ms up to " + rateOf(steps.get(steps.size() - 1)) + ".";
    }

    /** A step is named after its command and rate ("open a case at 150/s"): the rate. */
    private static String rateOf(Latencies step) {
        return step.name().substring(step.name().lastIndexOf(' ') + 1);
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
