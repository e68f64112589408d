package org.hrmobility.load.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    @DisplayName("Performance figures: percentiles by nearest rank, in milliseconds; errors counted apart from latencies")
    void nearestRank() {
        Latencies l = new Latencies("open a case at 300/s");
        for (int ms = 100; ms >= 1; ms--) {
            l.record(ms * 1_000_000L);
        }
        l.error("HTTP 503");
        l.error("HTTP 503");
        assertThat(l.p50()).isEqualTo(50.0);
        assertThat(l.p99()).isEqualTo(99.0);
        assertThat(l.max()).isEqualTo(100.0);
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.errorCount()).isEqualTo(2);
        assertThat(l.errorSummary()).isEqualTo("{HTTP 503=2}");
        assertThat(new Latencies("none").p99()).isNaN();
    }
}
