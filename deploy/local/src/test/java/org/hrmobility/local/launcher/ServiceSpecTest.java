package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue "Performance II", start in seconds: which processes keep the optimising compiler, and which need the devstack. */
class ServiceSpecTest {

    private static ServiceSpec spec(String name, String database) {
        return new ServiceSpec(name, 8080, Path.of(name + ".jar"), List.of(), database, Map.of());
    }

    @Test
    @DisplayName("the gateway and the services keep both compilers for throughput; the identity provider and the console run on C1 alone")
    void theLoadsPathKeepsTheOptimisingCompiler() {
        assertThat(spec("gateway", null).jvmOptions()).isEqualTo(ServiceSpec.TUNED_JVM).noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"));
        assertThat(spec("redeployment-service", "redeployment").jvmOptions()).isEqualTo(ServiceSpec.TUNED_JVM);
        assertThat(spec("identity-provider", null).jvmOptions()).containsAll(ServiceSpec.TUNED_JVM).endsWith("-XX:TieredStopAtLevel=1");
        assertThat(spec("console", null).jvmOptions()).containsAll(ServiceSpec.TUNED_JVM).endsWith("-XX:TieredStopAtLevel=1");
    }

    @Test
    @DisplayName("only processes with a database wait for the devstack; the identity provider, gateway and console start beside it")
    void onlyServicesWaitForTheDevstack() {
        assertThat(spec("mobility-service", "mobility").usesDevstack()).isTrue();
        assertThat(spec("gateway", null).usesDevstack()).isFalse();
        assertThat(spec("identity-provider", null).usesDevstack()).isFalse();
    }
}
