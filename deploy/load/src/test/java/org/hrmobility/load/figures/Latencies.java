package org.hrmobility.load.figures;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The latencies of one kind of request in a run, and what went wrong, as percentiles in milliseconds. */
final class Latencies {

    private final String name;
    private long[] nanos = new long[1024];
    private int count;
    private final Map<String, Integer> errors = new TreeMap<>();

    Latencies(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized void error(String what) {
        errors.merge(what, 1, Integer::sum);
    }

    synchronized int count() {
        return count;
    }

    synchronized int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized String errorSummary() {
        return errors.isEmpty() ? "none" : errors.toString();
    }

    /** The q-th percentile (0 to 100) in milliseconds, nearest rank; NaN when nothing was recorded. */
    synchronized double percentile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1_000_000.0;
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double max() {
        return percentile(100);
    }

    @Override
    public String toString() {
        return String.format("%-34s %6d   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms   errors %s", name, count(), p50(), p99(), max(),
                errorSummary());
    }
}
