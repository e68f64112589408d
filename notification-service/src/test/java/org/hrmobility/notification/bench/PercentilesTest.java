package org.hrmobility.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    @DisplayName("nearest rank: the smallest sample with at least p % at or below it, whatever the order of the samples")
    void nearestRank() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples);
        Percentiles p = Percentiles.of(samples);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(99.5)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.at(0.1)).isEqualTo(1);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    @DisplayName("few samples: p99 of three is the largest, p50 the middle one; one sample is every percentile")
    void fewSamples() {
        assertThat(Percentiles.of(List.of(30L, 10L, 20L)).at(99)).isEqualTo(30);
        assertThat(Percentiles.of(List.of(30L, 10L, 20L)).at(50)).isEqualTo(20);
        assertThat(Percentiles.of(List.of(7L)).at(50)).isEqualTo(7);
        assertThat(Percentiles.of(List.of(7L)).at(99)).isEqualTo(7);
    }

    @Test
    @DisplayName("no samples, or a percentile outside (0, 100], is refused rather than printed as a number")
    void refusals() {
        assertThat(Percentiles.of(List.of()).isEmpty()).isTrue();
        assertThatThrownBy(() -> Percentiles.of(List.of()).at(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1L)).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1L)).at(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("from two cumulative histograms: only what was recorded in between counts, read as the bucket's upper bound")
    void cumulativeBuckets() {
        double[] bounds = {1, 2, 5, 10, 20};
        // before: 100 values, all at or below 1 ms (the history of an earlier phase)
        double[] before = {100, 100, 100, 100, 100};
        // in between: 10 values at or below 2 ms, 80 more at or below 5 ms, 9 at or below 10 ms, 1 above 20 ms
        double[] after = {100, 110, 190, 199, 199};
        long total = 100;
        assertThat(Percentiles.fromCumulativeBuckets(bounds, before, after, total, 10)).isEqualTo(2);
        assertThat(Percentiles.fromCumulativeBuckets(bounds, before, after, total, 50)).isEqualTo(5);
        assertThat(Percentiles.fromCumulativeBuckets(bounds, before, after, total, 99)).isEqualTo(10);
        assertThat(Percentiles.fromCumulativeBuckets(bounds, before, after, total, 100)).isInfinite();
        assertThat(Percentiles.fromCumulativeBuckets(bounds, before, after, 0, 50)).isNaN();
    }
}
