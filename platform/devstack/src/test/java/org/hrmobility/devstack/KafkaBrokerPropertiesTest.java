package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaBrokerPropertiesTest {

    @Test
    @DisplayName("alone, the broker is a cluster of one: one replica, topics created when first named, as before")
    void single() {
        Properties p = new KafkaBroker(19092, Path.of("/tmp/k")).properties();

        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(p.getProperty("default.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
    }

    @Test
    @DisplayName("a node of three: three replicas, two in sync for a write, no topic created by naming it, the whole quorum named")
    void clusterNode() {
        String voters = KafkaCluster.voters(List.of(
                new KafkaCluster.NodeSpec(1, 19092, 19192, Path.of("/tmp/1"), Path.of("/tmp/1.log")),
                new KafkaCluster.NodeSpec(2, 19093, 19193, Path.of("/tmp/2"), Path.of("/tmp/2.log")),
                new KafkaCluster.NodeSpec(3, 19094, 19194, Path.of("/tmp/3"), Path.of("/tmp/3.log"))));
        Properties p = new KafkaBroker(19093, 19193, Path.of("/tmp/2"), new KafkaBroker.Membership(2, "cluster", voters, 3)).properties();

        assertThat(voters).isEqualTo("1@localhost:19192,2@localhost:19193,3@localhost:19194");
        assertThat(p.getProperty("node.id")).isEqualTo("2");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo(voters);
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:19093,CONTROLLER://localhost:19193");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(p.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(p.getProperty("min.insync.replicas")).isEqualTo("2");
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("3");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
        assertThat(p.getProperty("unclean.leader.election.enable")).isEqualTo("false");
    }
}
