package org.hrmobility.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The chart rendered by Helm's own library (helm template), each object parsed with the fabric8 Kubernetes model. */
record RenderedChart(String name, List<HasMetadata> objects) {

    static final String RELEASE = "hrm";
    static final String NAMESPACE = "hrm";
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Renders with the chart's defaults, then the values files in order, then the --set values. */
    static RenderedChart render(String name, List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand template = new Helm(Repository.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return new RenderedChart(name, parse(template.call()));
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            KubernetesResource resource = SERIALIZATION.unmarshal(document);
            if (!(resource instanceof HasMetadata object)) {
                throw new IllegalStateException("not a Kubernetes object:\n" + document);
            }
            objects.add(object);
        }
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name
                + " in the chart rendered with " + this.name));
    }

    /** Custom resources (Strimzi, CloudNativePG, Prometheus operator): fabric8 has no class for them. */
    List<GenericKubernetesResource> custom(String kind) {
        return objects.stream().filter(o -> o instanceof GenericKubernetesResource && o.getKind().equals(kind))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind, Predicate<GenericKubernetesResource> filter) {
        return custom(kind).stream().filter(filter).toList();
    }

    static String fullName(String workload) {
        return RELEASE + "-" + workload;
    }

    @Override
    public String toString() {
        return name;
    }
}
