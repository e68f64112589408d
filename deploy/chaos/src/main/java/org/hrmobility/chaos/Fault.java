package org.hrmobility.chaos;

/**
 * A fault injected during the run and how the suite came back from it.
 *
 * @param injectedMillis when it was injected, from the start of the load
 * @param backMillis     when the faulted process was back (ready, or a Kafka node joined with every partition in sync);
 *                       -1 if it never was
 * @param caughtUpMillis when everything committed before the fault had been published and applied by the notification
 *                       service; -1 if it never was within the probe's time
 * @param servedMillis   when commands were answered again after the last one the fault cost (the injection itself when
 *                       none failed); -1 if not before the next fault
 */
public record Fault(Kind kind, String target, long injectedMillis, long backMillis, long caughtUpMillis, long servedMillis) {

    /** The kinds of fault, in the order the table lists them. */
    public enum Kind {
        BROKER("Kafka broker killed (-9), restarted"),
        POSTGRES("PostgreSQL stopped immediately, restarted"),
        INSTANCE("service instance killed (-9), restarted"),
        GATEWAY("gateway restarted");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public boolean recovered() {
        return backMillis >= 0 && caughtUpMillis >= 0;
    }

    /** Seconds from the injection until the process was back and the events caught up; NaN if not both. */
    public double recoveredSeconds() {
        return recovered() ? (Math.max(backMillis, caughtUpMillis) - injectedMillis) / 1000.0 : Double.NaN;
    }

    /** Seconds from the injection until commands were answered again; NaN if not before the next fault. */
    public double servedAgainSeconds() {
        return servedMillis < 0 ? Double.NaN : (servedMillis - injectedMillis) / 1000.0;
    }

    public Fault withServed(long millis) {
        return new Fault(kind, target, injectedMillis, backMillis, caughtUpMillis, millis);
    }
}
