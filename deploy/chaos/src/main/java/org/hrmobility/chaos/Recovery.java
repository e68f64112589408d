package org.hrmobility.chaos;

import java.util.Comparator;
import java.util.List;

/** When commands were answered again after a fault, from the command log alone. */
public final class Recovery {

    private Recovery() {
    }

    /**
     * The moment commands were answered again after a fault injected at {@code from}, looking at the commands sent
     * until {@code until} (the next fault): the answer to the first command sent after the last one not answered
     * (5xx, timeout, refused connection); {@code from} itself when none failed; -1 when none succeeded after the last
     * failure before {@code until}.
     */
    public static long servedAgain(List<Command> commands, long from, long until) {
        List<Command> window = commands.stream().filter(c -> c.sentMillis() >= from && c.sentMillis() < until)
                .sorted(Comparator.comparingLong(Command::sentMillis)).toList();
        Command lastFailure = null;
        for (Command c : window) {
            if (c.outcome() == Command.Outcome.UNKNOWN) {
                lastFailure = c;
            }
        }
        if (lastFailure == null) {
            return from;
        }
        long after = lastFailure.sentMillis();
        return window.stream().filter(c -> c.sentMillis() > after && c.outcome() != Command.Outcome.UNKNOWN)
                .mapToLong(Command::answeredMillis).min().orElse(-1);
    }
}
