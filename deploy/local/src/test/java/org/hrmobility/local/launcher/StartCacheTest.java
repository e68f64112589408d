package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue "Performance II", start in seconds: which JVM the processes run on, and how they are started. */
class StartCacheTest {

    @TempDir
    Path jvms;

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    @DisplayName("the newest JDK with an ahead-of-time cache (25 or later) is chosen; a 17 or 21 alone gives none, and the launcher's own JVM is used")
    void newestJdkWithAotCache() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        assertThat(StartCache.newestWithAotCache(jvms)).isEmpty();

        jdk("temurin-21-jdk", "21.0.5");
        Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("temurin-26-ea", "26-ea");

        assertThat(StartCache.newestWithAotCache(jvms)).get().satisfies(java -> {
            assertThat(java.feature()).isEqualTo(26);
            assertThat(java.hasAotCache()).isTrue();
        });
        assertThat(StartCache.Java.of(jdk25).feature()).isEqualTo(25);
        assertThat(StartCache.newestWithAotCache(jvms.resolve("none"))).isEmpty();
    }

    @Test
    @DisplayName("HRM_START_CACHE=off starts each process from its jar as built, on the launcher's own JVM, as before")
    void offStartsTheJarAsBuilt() {
        StartCache off = StartCache.of(jvms, Map.of("HRM_START_CACHE", "off")::get);
        ServiceSpec spec = new ServiceSpec("gateway", 8080, Path.of("gateway/target/gateway.jar"), List.of(), null, Map.of());

        assertThat(off.command(spec, List.of("-Xmx192m")))
                .containsExactly(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m", "-jar",
                        "gateway/target/gateway.jar");
        assertThat(off.describe()).contains("no start cache");
    }

    @Test
    @DisplayName("a jar that cannot be extracted is started as built, never a failed start")
    void unextractableJarStartsAsBuilt() throws InterruptedException {
        StartCache cache = new StartCache(jvms.resolve("cache"), StartCache.Java.of(Path.of(System.getProperty("java.home"))), true);
        ServiceSpec spec = new ServiceSpec("gateway", 8080, jvms.resolve("missing.jar"), List.of(), null, Map.of());

        assertThat(cache.command(spec, List.of())).endsWith("-jar", jvms.resolve("missing.jar").toString());
        assertThat(cache.train(List.of(spec), Optional.empty(), jvms)).isEmpty();
    }
}
