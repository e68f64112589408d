package org.hrmobility.notification.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a benchmark's samples: nearest rank over the samples themselves, or (for a timer that only keeps
 * a histogram) the upper bound of the bucket the rank falls in, over the difference of two cumulative histograms.
 */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Over these samples (any order, any unit). */
    static Percentiles of(Collection<Long> samples) {
        long[] values = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return new Percentiles(values);
    }

    int count() {
        return sorted.length;
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * The nearest-rank percentile: the smallest sample with at least {@code p} % of the samples at or below it;
     * {@code p = 100} is the largest. Throws on no samples (say so instead of printing a number).
     */
    long at(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    long max() {
        return at(100);
    }

    /**
     * The percentile of what a histogram recorded between two snapshots, as the upper bound of the bucket in which
     * the nearest rank falls (so never below the true value, and at most one bucket above it).
     *
     * @param bounds  the buckets' upper bounds, ascending
     * @param before  cumulative counts at or below each bound at the first snapshot (a count per bucket, each
     *                including the buckets below it, as Prometheus keeps them)
     * @param after   the same at the second snapshot
     * @param total   how many values were recorded in between (values above the last bound count as beyond it)
     * @return the bound, or {@link Double#POSITIVE_INFINITY} when the rank lies above the last bound, or NaN when
     * nothing was recorded
     */
    static double fromCumulativeBuckets(double[] bounds, double[] before, double[] after, long total, double p) {
        if (bounds.length != before.length || bounds.length != after.length) {
            throw new IllegalArgumentException("bounds and counts differ in length");
        }
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(p / 100.0 * total);
        for (int i = 0; i < bounds.length; i++) {
            if (after[i] - before[i] >= rank) {
                return bounds[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
