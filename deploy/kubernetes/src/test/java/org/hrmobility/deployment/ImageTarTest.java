package org.hrmobility.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images that `./mvnw -Pimages` writes as tars (deploy/images/build-images builds them and runs this test): their
 * configuration and the SBOM inside. Skipped, with the reason, where the tars have not been built.
 */
class ImageTarTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SBOM = "app/resources/META-INF/sbom/application.cdx.json";

    record Image(String name, String module, String port) {
        Path tar() {
            return Repository.root().resolve(module).resolve("target/image").resolve(name + ".tar");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Image> images() {
        List<Image> images = new ArrayList<>();
        for (String workload : Repository.WORKLOADS) {
            images.add(new Image(Repository.module(workload), Repository.module(workload), "8080"));
        }
        images.add(new Image("identity-provider", "deploy/local", "9000"));
        return images.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    @DisplayName("the image runs java as user 10001, sized by the container's memory, exposing its application port and 9090")
    void configuration(Image image) throws IOException {
        JsonNode config = config(image).get("config");
        assertThat(config.get("User").asString()).isEqualTo("10001:10001");
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage=")).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactlyInAnyOrder(image.port() + "/tcp", "9090/tcp");
        assertThat(strings(config.get("Env"))).contains("SERVER_PORT=" + image.port(), "MANAGEMENT_SERVER_PORT=9090");
        if (image.name().equals("identity-provider")) {
            // as `java -jar hrm-local.jar identity-provider` starts it
            assertThat(entrypoint).contains("org.hrmobility.local.LocalMain");
            assertThat(strings(config.get("Cmd"))).containsExactly("identity-provider");
        }
        assertThat(config.get("Labels").get("org.hrmobility.sbom").asString()).isEqualTo("/" + SBOM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    @DisplayName("the image carries its CycloneDX SBOM, which lists the Spring Boot it runs")
    void sbom(Image image) throws IOException {
        JsonNode manifest = manifest(image);
        byte[] bom = null;
        for (JsonNode layer : manifest.get("Layers")) {
            byte[] content = entry(image, layer.asString());
            bom = Tar.findInLayer(content, SBOM::equals).orElse(null);
            if (bom != null) {
                break;
            }
        }
        assertThat(bom).as("no " + SBOM + " in any layer").isNotNull();
        JsonNode sbom = JSON.readTree(bom);
        assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.get("components").valueStream().map(c -> c.get("name").asString())).contains("spring-boot");
    }

    private static JsonNode manifest(Image image) throws IOException {
        assumeTrue(Files.isRegularFile(image.tar()), "no " + image.tar() + ": build the images first (deploy/images/build-images)");
        return JSON.readTree(entry(image, "manifest.json")).get(0);
    }

    private static JsonNode config(Image image) throws IOException {
        return JSON.readTree(entry(image, manifest(image).get("Config").asString()));
    }

    private static byte[] entry(Image image, String name) throws IOException {
        try (InputStream in = Files.newInputStream(image.tar())) {
            return Tar.find(in, name::equals).orElseThrow(() -> new AssertionError("no " + name + " in " + image.tar()));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(n -> strings.add(n.asString()));
        return strings;
    }

}
