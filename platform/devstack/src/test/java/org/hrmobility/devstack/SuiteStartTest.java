package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SuiteStartTest {

    /** A pid no process of this machine has: the test's file cannot be a running launcher's. */
    private static final long NO_SUCH_PID = Long.MAX_VALUE - 7;

    @Test
    @DisplayName("Performance II, start: the start a launcher leaves is read back as written, each process's figures in start order")
    void readBackAsWritten() throws Exception {
        SuiteStart start = new SuiteStart(Instant.parse("2026-11-29T03:00:00Z"), 27.46, 0, "Java 25, ahead-of-time cache",
                List.of(new SuiteStart.Process("identity-provider", 12.3, 150), new SuiteStart.Process("redeployment-service", 22.64, 301)));
        try {
            start.write(SuiteStart.file(NO_SUCH_PID));

            SuiteStart read = SuiteStart.read(NO_SUCH_PID).orElseThrow();

            assertThat(read.readySeconds()).isEqualTo(27.5);
            assertThat(read.madeCaches()).isFalse();
            assertThat(read.runtime()).isEqualTo("Java 25, ahead-of-time cache");
            assertThat(read.processes()).containsExactly(new SuiteStart.Process("identity-provider", 12.3, 150),
                    new SuiteStart.Process("redeployment-service", 22.6, 301));
        } finally {
            Files.deleteIfExists(SuiteStart.file(NO_SUCH_PID));
        }
    }

    @Test
    @DisplayName("Performance II, start: a first start after a build made the caches; a launcher that left nothing has no start")
    void firstStartAndNone() {
        assertThat(new SuiteStart(Instant.EPOCH, 190, 150, "", List.of()).madeCaches()).isTrue();
        assertThat(SuiteStart.read(NO_SUCH_PID - 1)).isEmpty();
    }
}
