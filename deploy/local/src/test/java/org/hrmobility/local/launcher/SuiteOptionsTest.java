package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.hrmobility.devstack.PostgresDurability;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

    @Test
    @DisplayName("by default every service runs once under its own name, one broker, no control input: the run as it always was")
    void defaults() {
        SuiteOptions options = SuiteOptions.parse(new String[0], Map.<String, String>of()::get);

        assertThat(options.instances()).isEqualTo(1);
        assertThat(options.brokers()).isEqualTo(1);
        assertThat(options.control()).isFalse();
        assertThat(options.cluster()).isFalse();
        assertThat(options.postgresDurability()).isEqualTo(PostgresDurability.FAST);
        assertThat(options.instanceName("mobility-service", 1)).isEqualTo("mobility-service");
        assertThat(options.ports()).doesNotContainKey("mobility-service-2");
    }

    @Test
    @DisplayName("--instances 2 --brokers 3: each service twice, the second 100 ports up (or where HRM_<NAME>_2_PORT says)")
    void cluster() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--instances", "2", "--brokers", "3", "--control"},
                Map.of("HRM_EVALUATION_2_PORT", "18183")::get);

        assertThat(options.cluster()).isTrue();
        assertThat(options.postgresDurability()).isEqualTo(PostgresDurability.SYNCHRONOUS_COMMIT);
        assertThat(options.control()).isTrue();
        assertThat(options.instanceName("mobility-service", 1)).isEqualTo("mobility-service-1");
        assertThat(options.instanceName("mobility-service", 2)).isEqualTo("mobility-service-2");
        assertThat(options.instanceName("gateway", 1)).isEqualTo("gateway");
        assertThat(options.port(SuiteOptions.portKey("mobility-service", 1))).isEqualTo(8081);
        assertThat(options.port(SuiteOptions.portKey("mobility-service", 2))).isEqualTo(8181);
        assertThat(options.port(SuiteOptions.portKey("notification-service", 2))).isEqualTo(8184);
        assertThat(options.port(SuiteOptions.portKey("evaluation-service", 2))).isEqualTo(18183);
        assertThat(SuiteOptions.portVariable("evaluation-service-2")).isEqualTo("HRM_EVALUATION_2_PORT");
        assertThat(options.withFreePorts().ports()).containsKey("redeployment-service-2");
    }

    @Test
    @DisplayName("free ports for the tests' suites are each a different one, so no two processes of a suite try to bind the same")
    void freePortsAreDistinct() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--instances", "2"}, Map.<String, String>of()::get);
        for (int run = 0; run < 1000; run++) {
            Map<String, Integer> ports = options.withFreePorts().ports();
            assertThat(Set.copyOf(ports.values())).hasSameSizeAs(ports.values());
        }
    }

    @Test
    @DisplayName("--durable, or HRM_DEVSTACK_POSTGRES_DURABILITY, runs PostgreSQL with fsync as production does, a cluster too")
    void durable() {
        assertThat(SuiteOptions.parse(new String[] {"--durable", "--instances", "2"}, Map.<String, String>of()::get)
                .postgresDurability()).isEqualTo(PostgresDurability.DURABLE);
        assertThat(SuiteOptions.parse(new String[0], Map.of("HRM_DEVSTACK_POSTGRES_DURABILITY", "durable")::get)
                .postgresDurability()).isEqualTo(PostgresDurability.DURABLE);
        assertThatThrownBy(() -> SuiteOptions.parse(new String[0], Map.of("HRM_DEVSTACK_POSTGRES_DURABILITY", "yes")::get))
                .hasMessageContaining("HRM_DEVSTACK_POSTGRES_DURABILITY must be one of fast, synchronous-commit, durable");
    }

    @Test
    @DisplayName("a count out of range is refused with the option's name")
    void badCounts() {
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--instances", "0"}, Map.<String, String>of()::get))
                .isInstanceOf(LaunchException.class).hasMessageContaining("--instances");
        assertThatThrownBy(() -> SuiteOptions.parse(new String[] {"--brokers", "x"}, Map.<String, String>of()::get))
                .isInstanceOf(LaunchException.class).hasMessageContaining("--brokers");
    }

    @Test
    @DisplayName("on a cluster, services are told to create their topics with three replicas and two in sync")
    void clusterTopics() {
        assertThat(LocalSuite.clusterTopicSettings(3)).containsEntry("HRM_KAFKA_TOPICS_REPLICATIONFACTOR", "3")
                .containsEntry("HRM_KAFKA_TOPICS_MININSYNCREPLICAS", "2")
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATIONFACTOR", "3");
    }
}
