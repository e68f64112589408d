package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {

    @Test
    @DisplayName("on a plain classpath a main class runs with the same classpath")
    void plainClasspath() {
        List<String> command = JavaCommand.of("/a/classes:/b.jar", List.of("-Xmx64m"), "org.example.Main", List.of("--x", "1"));

        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command.subList(1, command.size())).containsExactly("-Xmx64m", "-cp", "/a/classes:/b.jar", "org.example.Main", "--x", "1");
    }

    @Test
    @DisplayName("from a Spring Boot executable jar the main class is chosen with Boot's PropertiesLauncher")
    void bootJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()))) {
            out.putNextEntry(new ZipEntry("BOOT-INF/"));
            out.closeEntry();
        }
        Path plain = dir.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plain))) {
            out.putNextEntry(new ZipEntry("org/"));
            out.closeEntry();
        }

        assertThat(JavaCommand.of(jar.toString(), List.of(), "org.example.Main", List.of()).subList(1, 5))
                .containsExactly("-cp", jar.toString(), "-Dloader.main=org.example.Main", JavaCommand.BOOT_LAUNCHER);
        assertThat(JavaCommand.isBootJar(plain.toString())).isFalse();
    }
}
