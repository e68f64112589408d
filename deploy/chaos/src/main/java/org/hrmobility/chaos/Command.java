package org.hrmobility.chaos;

/**
 * One command sent through the gateway and what came back: its HTTP status, or none ({@code status} -1) with the kind
 * of failure (a refused or reset connection, a timeout).
 *
 * @param sentMillis     when it was sent, from the start of the run
 * @param answeredMillis when its answer (or its failure) came
 * @param createdId      what a 201 created (the last segment of its Location), else null
 */
public record Command(String id, String flowId, Workload workload, int step, long sentMillis, long answeredMillis, int status,
                      String failure, String createdId) {

    /** How a command ended, as the reconciliation counts it. */
    public enum Outcome {
        /** 2xx: it took effect, exactly once. */
        DONE,
        /** 4xx: refused; it must have left nothing. */
        REFUSED,
        /** 5xx, or no answer at all: it may have taken effect or not, but never partly. */
        UNKNOWN
    }

    public Outcome outcome() {
        if (status >= 200 && status < 300) {
            return Outcome.DONE;
        }
        if (status >= 400 && status < 500) {
            return Outcome.REFUSED;
        }
        return Outcome.UNKNOWN;
    }

    public String stepName() {
        return workload.steps().get(step).name();
    }

    /** One line of the command log (CSV). */
    public String csv() {
        return String.join(",", id, flowId, workload.name(), String.valueOf(step), String.valueOf(sentMillis),
                String.valueOf(answeredMillis), String.valueOf(status), failure == null ? "" : failure, createdId == null ? "" : createdId);
    }

    public static final String CSV_HEADER = "command,flow,workload,step,sent_ms,answered_ms,status,failure,created_id";
}
