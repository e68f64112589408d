package org.hrmobility.chaos;

import java.util.List;

/**
 * One flow as the load driver ran it: its workload, the key by which its aggregate is found in the service's database
 * (the employee for a case or an evaluation file, a unique host or skill for an application or a talent offer), the
 * employee it is about, and its commands in the order sent. A flow stops at its first command without a 2xx answer.
 */
public record FlowLog(String id, Workload workload, String key, String employeeId, List<Command> commands) {

    /** Commands answered 2xx, from the first. */
    public int done() {
        int done = 0;
        for (Command c : commands) {
            if (c.outcome() != Command.Outcome.DONE) {
                break;
            }
            done++;
        }
        return done;
    }

    /** The outcome of the command the flow stopped at, or DONE when every command was answered 2xx. */
    public Command.Outcome stoppedAt() {
        return commands.size() > done() ? commands.get(done()).outcome() : Command.Outcome.DONE;
    }
}
