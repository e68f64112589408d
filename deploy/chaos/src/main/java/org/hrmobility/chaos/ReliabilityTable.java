package org.hrmobility.chaos;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hrmobility.devstack.DocsSection;

/**
 * The chaos run's table: the commands and what became of them, the faults injected per kind, lost, duplicated, partial,
 * dead letters, and how long the suite took to recover from each fault; as markdown, written between markers into
 * docs/reliability.md with the command that reproduces it. Pure: {@link #SECTION} writes it.
 */
public final class ReliabilityTable {

    /** The run's section of docs/reliability.md. */
    public static final DocsSection SECTION = DocsSection.named("chaos-run", "ChaosRun");

    /** What the run was and where it ran. */
    public record Run(String size, String command, LocalDate date, int cores, long memoryMib, int instances, int brokers,
                      double readySeconds, double loadSeconds, double quietSeconds) {
    }

    private ReliabilityTable() {
    }

    public static String markdown(Run run, Reconciliation.Result result, List<Fault> faults) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### Chaos run, %s (%s)%n%n", run.size(), run.date()));
        md.append("```bash\n").append(run.command()).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "%d instances of every service behind the gateway, %d Kafka nodes (3 replicas, 2 in sync),"
                        + " PostgreSQL with synchronous commits; %d cores, %,d MiB. Suite ready in %.0f s, load %.0f s, quiet %.0f s"
                        + " after it.%n%n", run.instances(), run.brokers(), run.cores(), run.memoryMib(), run.readySeconds(),
                run.loadSeconds(), run.quietSeconds()));
        md.append("| commands | answered 2xx | 4xx | 5xx or none | faults injected | lost | duplicated | partial | DLQ |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %d | %d | %d | %d | %d |%n%n", result.commands(),
                result.outcomes().getOrDefault(Command.Outcome.DONE, 0), result.outcomes().getOrDefault(Command.Outcome.REFUSED, 0),
                result.outcomes().getOrDefault(Command.Outcome.UNKNOWN, 0), faults.size(), result.lost(), result.duplicated(),
                result.partial(), result.deadLetters()));
        Map<Fault.Kind, Integer> perKind = new EnumMap<>(Fault.Kind.class);
        faults.forEach(f -> perKind.merge(f.kind(), 1, Integer::sum));
        md.append("Faults injected: ").append(String.join("; ", perKind.entrySet().stream()
                .map(e -> e.getKey().description() + " " + e.getValue() + "x").toList())).append(".\n\n");
        md.append("| # | fault | at | commands answered again after | recovered after |\n");
        md.append("|---:|---|---:|---:|---:|\n");
        int n = 0;
        for (Fault f : faults) {
            md.append(String.format(Locale.ROOT, "| %d | %s: %s | %s | %s | %s |%n", ++n, f.kind().description(), f.target(),
                    seconds(f.injectedMillis() / 1000.0), orElse(f.servedAgainSeconds(), "not before the next fault"),
                    orElse(f.recoveredSeconds(), "not recovered")));
        }
        md.append('\n');
        md.append("| after the run, reconciled | count |\n|---|---:|\n");
        row(md, "effects in the services' databases (history line and events of one command)", result.effects());
        row(md, "events written but not on Kafka", result.notOnKafka());
        row(md, "events not applied by the notification service", result.notConsumed());
        row(md, "events applied out of their aggregate's order", result.consumedOutOfOrder());
        row(md, "notifications the routes call for, missing", result.notificationsMissing());
        row(md, "notifications duplicated", result.notificationsDuplicated());
        row(md, "notifications to someone the routes do not name", result.notificationsUnexpected());
        row(md, "employees published, missing from a service's master data", result.masterDataMissing());
        md.append('\n');
        md.append(result.clean() ? "Nothing lost, duplicated or half done; every dead-letter topic empty.\n"
                : "**Findings** (" + result.findingsTotal() + "; the first ones):\n\n" + findings(result) + "\n");
        md.append("\n\"Commands answered again\": from the fault until the first 2xx or 4xx answer to a command sent after the last"
                + " one that failed (5xx, timeout, refused connection), among the commands it could touch (an instance's: its"
                + " service's only), before the next fault. \"Recovered\": until the process was back (ready; a Kafka"
                + " node with every partition in sync again) and every event committed before the fault had been published and"
                + " applied by the notification service.\n");
        return md.toString();
    }

    /** The same for a terminal. */
    public static String text(Run run, Reconciliation.Result result, List<Fault> faults) {
        return markdown(run, result, faults).replace("```bash\n", "  ").replace("```\n", "");
    }

    private static String findings(Reconciliation.Result result) {
        StringBuilder out = new StringBuilder();
        result.findings().stream().limit(20).forEach(f -> out.append("- ").append(f).append('\n'));
        return out.toString();
    }

    private static void row(StringBuilder md, String what, long count) {
        md.append(String.format(Locale.ROOT, "| %s | %,d |%n", what, count));
    }

    /** Seconds, or what NaN means in that column. */
    static String orElse(double seconds, String never) {
        return Double.isNaN(seconds) ? never : seconds(seconds);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

}
