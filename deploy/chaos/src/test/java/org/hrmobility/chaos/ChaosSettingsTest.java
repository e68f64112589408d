package org.hrmobility.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command written beside a run's table reproduces that run, its size and rate included. */
class ChaosSettingsTest {

    private static ChaosSettings settings(String size, int commands, double rate) {
        return new ChaosSettings(size, commands, rate, 5, 2, 4, 1, Path.of("."), Path.of("out"), Path.of("docs"), true, true);
    }

    @Test
    @DisplayName("the default sizes give the plain commands; another count or rate is named in the command")
    void commandReproducesTheRun() {
        assertThat(settings("full", 20_000, 20).command()).isEqualTo("./mvnw -B -Pchaos -pl deploy/chaos -am verify -DskipTests");
        assertThat(settings("short", 1_000, 10).command()).endsWith("-DskipTests -Dchaos.size=short");
        assertThat(settings("full", 100_000, 60).command()).endsWith("-DskipTests -Dchaos.commands=100000 -Dchaos.rate=60");
        assertThat(settings("full", 20_000, 12.5).command()).endsWith("-DskipTests -Dchaos.rate=12.5");
    }
}
