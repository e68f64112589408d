package org.hrmobility.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrmobility.deployment.RenderedChart.fullName;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.hrmobility.contracts.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Helm chart, linted and rendered without a cluster, for its default values and for the production example;
 * every object it renders is parsed with the fabric8 model and held to the invariants of docs/deploy.md.
 */
class ChartTest {

    private static final RenderedChart DEFAULTS = RenderedChart.render("default values", List.of(), Map.of());
    private static final RenderedChart PRODUCTION = RenderedChart.render("values-production.yaml",
            List.of(Repository.chart().resolve("values-production.yaml")), Map.of());

    static Stream<RenderedChart> renderings() {
        return Stream.of(DEFAULTS, PRODUCTION);
    }

    // ------------------------------------------------------------------------------------------------ the chart

    @Test
    @DisplayName("helm lint --strict finds no error and no warning in the chart")
    void lints() {
        LintResult result = new Helm(Repository.chart()).lint().strict().call();
        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("every rendered object is a Kubernetes object with a kind and a name, and no Secret is rendered (secrets by reference)")
    void everyObjectParses(RenderedChart chart) {
        assertThat(chart.objects()).hasSizeGreaterThan(40);
        assertThat(chart.objects()).allSatisfy(o -> {
            assertThat(o.getApiVersion()).isNotBlank();
            assertThat(o.getKind()).isNotBlank();
            assertThat(o.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        });
        assertThat(chart.all(Secret.class)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ workloads

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("the gateway and every service run at least two replicas (HPA minimum, or fixed replicas)")
    void atLeastTwoReplicas(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            Deployment deployment = chart.get(Deployment.class, fullName(workload));
            int replicas = chart.find(HorizontalPodAutoscaler.class, fullName(workload))
                    .map(hpa -> hpa.getSpec().getMinReplicas())
                    .orElse(deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas());
            assertThat(replicas).as(workload).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("startup, liveness and readiness probes ask the actuator's probe groups on the management port 9090")
    void probes(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            Container container = container(chart, workload);
            assertThat(container.getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("management");
                assertThat(p.getContainerPort()).isEqualTo(9090);
            });
            assertThat(env(container)).containsEntry("MANAGEMENT_SERVER_PORT", "9090").containsEntry("SERVER_PORT", "8080");
            assertProbe(workload, container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(workload, container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(workload, container.getReadinessProbe(), "/actuator/health/readiness");
        }
    }

    private static void assertProbe(String workload, Probe probe, String path) {
        assertThat(probe).as(workload + " " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("every container has CPU and memory requests and limits, memory request = limit (the heap follows it)")
    void resources(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            var resources = container(chart, workload).getResources();
            assertThat(resources.getRequests()).as(workload).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(workload).containsKeys("cpu", "memory");
            assertThat(resources.getLimits().get("memory")).isEqualTo(resources.getRequests().get("memory"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("pods run as a non-root user with a read-only root file system, no privilege escalation, no capabilities, /tmp an emptyDir")
    void hardened(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            var pod = chart.get(Deployment.class, fullName(workload)).getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(workload).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            Container container = pod.getContainers().get(0);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(workload).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(workload).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
            String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(workload + " mounts nothing on /tmp")).getName();
            assertThat(pod.getVolumes()).anySatisfy(v -> {
                assertThat(v.getName()).isEqualTo(tmpVolume);
                assertThat(v.getEmptyDir()).isNotNull();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("every workload has a PodDisruptionBudget and a HorizontalPodAutoscaler for exactly its own pods")
    void disruptionBudgetsAndAutoscalers(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            Deployment deployment = chart.get(Deployment.class, fullName(workload));
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            PodDisruptionBudget pdb = chart.get(PodDisruptionBudget.class, fullName(workload));
            assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMaxUnavailable() != null || pdb.getSpec().getMinAvailable() != null).isTrue();
            HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, fullName(workload));
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(fullName(workload));
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        }
        // every Deployment's selector is its own: no PDB or Service of one workload counts another's pods
        List<Map<String, String>> selectors = chart.all(Deployment.class).stream()
                .map(d -> d.getSpec().getSelector().getMatchLabels()).toList();
        assertThat(new HashSet<>(selectors)).hasSameSizeAs(selectors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("the workloads start with the Spring profile production")
    void productionProfile(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            assertThat(env(container(chart, workload))).as(workload).containsEntry("SPRING_PROFILES_ACTIVE", "production");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("the services trust the organisation's identity provider by issuer and JWK set, never a localhost one")
    void identityProvider(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            Map<String, String> env = env(container(chart, workload));
            assertThat(env.get("HRM_ISSUER")).startsWith("https://").doesNotContain("localhost");
            assertThat(env.get("HRM_JWK_SET_URI")).startsWith("https://").doesNotContain("localhost");
        }
    }

    @Test
    @DisplayName("the development identity provider is not deployed unless devIdentityProvider.enabled")
    void devIdentityProviderOnlyWhenEnabled() {
        for (RenderedChart chart : List.of(DEFAULTS, PRODUCTION)) {
            assertThat(chart.objects()).as(chart.name()).noneMatch(o -> o.getMetadata().getName().contains("identity-provider"));
        }
        RenderedChart enabled = RenderedChart.render("devIdentityProvider.enabled=true", List.of(),
                Map.of("devIdentityProvider.enabled", "true", "devIdentityProvider.keySecret", "hrm-identity-key"));
        Deployment idp = enabled.get(Deployment.class, fullName("identity-provider"));
        Container container = idp.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).startsWith("hrm/identity-provider:");
        assertThat(idp.getSpec().getReplicas()).as("authorizations in memory: one instance").isEqualTo(1);
        assertThat(env(container)).containsEntry("HRM_IDENTITY_KEY_FILE", "/etc/hrm/identity/jwk.json");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        // the workloads may then reach it for the JWK set
        assertThat(enabled.get(NetworkPolicy.class, fullName("mobility")).getSpec().getEgress())
                .anySatisfy(rule -> assertThat(rule.getTo()).anySatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/name", "identity-provider")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("every service gets every environment variable its application.yml reads, and Kafka and PostgreSQL by Spring's variables")
    void environment(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            Map<String, String> env = env(container(chart, workload));
            Repository.ServiceConfig config = Repository.config(workload);
            assertThat(env.keySet()).as(workload).containsAll(config.environmentVariables());
            if (!workload.equals("gateway")) {
                assertThat(env.keySet()).as(workload).contains("SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD",
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_SECURITY_PROTOCOL",
                        "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
                assertThat(env).containsEntry("HRM_KAFKA_TOPICS_CREATE", "false");
            }
        }
        Map<String, String> gateway = env(container(chart, "gateway"));
        for (String service : Repository.SERVICES) {
            assertThat(gateway).containsEntry("HRM_" + service.toUpperCase() + "_URL", "http://" + fullName(service) + ":8080");
        }
        assertThat(env(container(chart, "notification"))).containsEntry("HRM_WEBHOOKS_ALLOW_PRIVATE", "false");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("the images are the Jib profile's: <registry>/hrm/<module>:<tag>")
    void images(RenderedChart chart) {
        for (String workload : Repository.WORKLOADS) {
            String image = container(chart, workload).getImage();
            assertThat(image).matches("(.+/)?hrm/" + Repository.module(workload) + ":[^:]+");
        }
        if (chart == PRODUCTION) {
            assertThat(container(chart, "gateway").getImage()).isEqualTo("registry.example.org/hr/hrm/gateway:1.0.0");
        }
    }

    // ------------------------------------------------------------------------------------------------ network

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("a NetworkPolicy per workload: a service takes traffic only from the gateway (8080, 9090) and monitoring (9090)")
    void networkPolicies(RenderedChart chart) {
        Map<String, String> gatewayPods = chart.get(Deployment.class, fullName("gateway")).getSpec().getTemplate().getMetadata().getLabels();
        for (String workload : Repository.WORKLOADS) {
            NetworkPolicy policy = chart.get(NetworkPolicy.class, fullName(workload));
            Map<String, String> pods = chart.get(Deployment.class, fullName(workload)).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(pods).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                Set<Integer> ports = ports(rule.getPorts());
                boolean fromMonitoring = rule.getFrom() != null && !rule.getFrom().isEmpty()
                        && rule.getFrom().stream().allMatch(peer -> peer.getNamespaceSelector() != null && "monitoring".equals(
                        peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
                boolean fromGateway = rule.getFrom() != null && !rule.getFrom().isEmpty()
                        && rule.getFrom().stream().allMatch(peer -> peer.getNamespaceSelector() == null
                        && peer.getPodSelector() != null && gatewayPods.entrySet().containsAll(peer.getPodSelector().getMatchLabels().entrySet()));
                if (fromMonitoring) {
                    assertThat(ports).as(workload + " from monitoring").containsOnly(9090);
                } else if (workload.equals("gateway")) {
                    assertThat(ports).as("the gateway's front door").containsOnly(8080);
                } else {
                    assertThat(fromGateway).as(workload + " takes traffic from something else than the gateway: " + rule).isTrue();
                    assertThat(ports).containsOnly(8080, 9090);
                }
            }
            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            assertThat(egress).as(workload + " DNS").anySatisfy(rule -> assertThat(ports(rule.getPorts())).contains(53));
            if (!workload.equals("gateway")) {
                assertThat(egress).as(workload + " its database").anySatisfy(rule -> {
                    assertThat(ports(rule.getPorts())).containsOnly(5432);
                    if (chart.custom("Cluster").size() > 0) {
                        assertThat(rule.getTo()).extracting(p -> p.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))
                                .containsOnly(fullName(workload) + "-db");
                    }
                });
                assertThat(egress).as(workload + " Kafka").anySatisfy(rule -> {
                    assertThat(ports(rule.getPorts())).containsOnly(9093);
                    assertThat(rule.getTo()).extracting(p -> p.getPodSelector().getMatchLabels().get("strimzi.io/cluster"))
                            .containsOnly("hrm-kafka");
                });
            }
            assertThat(egress).as(workload + " the JWK set").anySatisfy(rule -> assertThat(ports(rule.getPorts())).contains(443));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("only the gateway is exposed: the Ingress routes to the gateway's application port and nothing else")
    void onlyTheGatewayIsExposed(RenderedChart chart) {
        assertThat(chart.all(Ingress.class)).singleElement().satisfies(ingress ->
                assertThat(ingress.getSpec().getRules()).flatExtracting(r -> r.getHttp().getPaths())
                        .allSatisfy(path -> {
                            assertThat(path.getBackend().getService().getName()).isEqualTo(fullName("gateway"));
                            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                        }));
        assertThat(chart.all(Service.class)).allSatisfy(service -> assertThat(service.getSpec().getType()).isEqualTo("ClusterIP"));
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("a KRaft Kafka with node pools: 3 brokers, an odd number (>= 3) of controllers, SCRAM over TLS, ACLs enforced")
    void kafkaCluster(RenderedChart chart) {
        List<GenericKubernetesResource> pools = chart.custom("KafkaNodePool");
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getApiVersion()).isEqualTo("kafka.strimzi.io/v1"));
        assertThat(pools).filteredOn(p -> roles(p).contains("broker"))
                .singleElement().satisfies(p -> assertThat(((Number) p.get("spec", "replicas")).intValue()).isEqualTo(3));
        assertThat(pools).filteredOn(p -> roles(p).equals(List.of("controller"))).singleElement().satisfies(p -> {
            int controllers = ((Number) p.get("spec", "replicas")).intValue();
            assertThat(controllers).isGreaterThanOrEqualTo(3).isOdd();
        });
        GenericKubernetesResource kafka = chart.custom("Kafka").get(0);
        assertThat(pools).allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                kafka.getMetadata().getName()));
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.get("tls")).isEqualTo(true);
            assertThat(((Map<?, ?>) l.get("authentication")).get("type")).isEqualTo("scram-sha-512");
        });
        assertThat((String) kafka.get("spec", "kafka", "authorization", "type")).isEqualTo("simple");
        Map<String, Object> config = kafka.get("spec", "kafka", "config");
        assertThat(config).containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3)
                .containsEntry("auto.create.topics.enable", false).containsEntry("transaction.state.log.min.isr", 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("a KafkaTopic for every topic of the contracts and every consumer's dead-letter topic, and no other")
    void everyTopic(RenderedChart chart) {
        Set<String> expected = new TreeSet<>(Repository.contractTopics());
        for (String service : Repository.SERVICES) {
            expected.addAll(Repository.config(service).deadLetterTopics());
        }
        Set<String> topics = chart.custom("KafkaTopic").stream().map(t -> (String) t.get("spec", "topicName"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(topics).isEqualTo(expected);
        assertThat(expected).contains(Topics.deadLetter(Topics.EMPLOYEES, "notification"),
                Topics.deadLetter(Topics.RECRUITMENT_VACANCIES, "redeployment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("every topic: 3 replicas, min.insync.replicas 2; hrm.employees compacted; the others with a retention, dead letters 14 days")
    void topicSettings(RenderedChart chart) {
        for (GenericKubernetesResource topic : chart.custom("KafkaTopic")) {
            String name = topic.get("spec", "topicName");
            Map<String, Object> config = topic.get("spec", "config");
            assertThat(((Number) topic.get("spec", "replicas")).intValue()).as(name).isEqualTo(3);
            assertThat(config).as(name).containsEntry("min.insync.replicas", 2);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "hrm-kafka");
            if (name.equals(Topics.EMPLOYEES)) {
                assertThat(config).containsEntry("cleanup.policy", "compact");
            } else {
                assertThat(config).as(name).doesNotContainKey("cleanup.policy").containsKey("retention.ms");
            }
            if (name.endsWith(".dlq")) {
                assertThat(((Number) config.get("retention.ms")).longValue()).isEqualTo(14L * 24 * 3600 * 1000);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("a KafkaUser per service whose ACLs allow exactly its reads, groups, writes, dead letters and outbox transactional id")
    void kafkaUsers(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            Repository.ServiceConfig config = Repository.config(service);
            GenericKubernetesResource user = chart.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(fullName(service))).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser for " + service));
            assertThat((String) user.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
            List<Map<String, Object>> acls = user.get("spec", "authorization", "acls");
            config.consumerBindings().forEach((topic, group) -> {
                assertThat(allowed(acls, "topic", topic)).as(service + " reads " + topic).contains("Read", "Describe");
                assertThat(allowed(acls, "group", group)).as(service + " group " + group).contains("Read");
                String dlq = Topics.deadLetter(topic, group);
                assertThat(allowed(acls, "topic", dlq)).as(service + " dead letters " + dlq).contains("Write", "Read");
            });
            for (String topic : Repository.producedTopics(service)) {
                assertThat(allowed(acls, "topic", topic)).as(service + " writes " + topic).contains("Write");
            }
            assertThat(allowed(acls, "transactionalId", "hrm-outbox-relay." + config.applicationName()))
                    .as(service + "'s outbox relay").contains("Write", "Describe");
            // nothing more: no wildcard, no prefix, no other service's topics, no cluster rights
            Set<String> ownTopics = new HashSet<>(config.consumerBindings().keySet());
            ownTopics.addAll(config.deadLetterTopics());
            ownTopics.addAll(Repository.producedTopics(service));
            assertThat(acls).allSatisfy(acl -> {
                Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
                assertThat(resource.get("patternType")).isEqualTo("literal");
                assertThat(resource.get("type")).isNotEqualTo("cluster");
                assertThat((String) resource.get("name")).isNotEqualTo("*");
                if ("topic".equals(resource.get("type"))) {
                    assertThat(ownTopics).contains((String) resource.get("name"));
                }
            });
            assertThat(allowed(acls, "topic", Topics.EMPLOYEES)).doesNotContain("Write");
            // the service logs in as that user
            EnvVar jaas = container(chart, service).getEnv().stream()
                    .filter(e -> e.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.getMetadata().getName());
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
        }
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("a CloudNativePG cluster per service with the database it expects, reached directly on <cluster>-rw with the operator's app secret")
    void databases(RenderedChart chart) {
        for (String service : Repository.SERVICES) {
            String database = Repository.config(service).database();
            String cluster = fullName(service) + "-db";
            GenericKubernetesResource pg = chart.custom("Cluster").stream()
                    .filter(c -> c.getMetadata().getName().equals(cluster)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Cluster " + cluster));
            assertThat(pg.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
            assertThat((String) pg.get("spec", "bootstrap", "initdb", "database")).isEqualTo(database);
            assertThat(((Number) pg.get("spec", "instances")).intValue()).isGreaterThanOrEqualTo(2);
            Container container = container(chart, service);
            assertThat(env(container)).containsEntry("SPRING_R2DBC_URL",
                    "r2dbc:postgresql://" + cluster + "-rw:5432/" + database);
            assertThat(container.getEnv()).filteredOn(e -> e.getName().startsWith("SPRING_R2DBC_USERNAME")
                            || e.getName().startsWith("SPRING_R2DBC_PASSWORD"))
                    .hasSize(2).allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(cluster + "-app"));
        }
        assertThat(chart.custom("Pooler")).as("no pooler: advisory lock and LISTEN need a session").isEmpty();
    }

    @Test
    @DisplayName("the production example archives WAL and backs up every database on a schedule through the Barman Cloud plugin")
    void backups() {
        assertThat(PRODUCTION.custom("ObjectStore")).singleElement()
                .satisfies(store -> assertThat((String) store.get("spec", "retentionPolicy")).isEqualTo("30d"));
        for (String service : Repository.SERVICES) {
            String cluster = fullName(service) + "-db";
            GenericKubernetesResource pg = PRODUCTION.custom("Cluster", c -> c.getMetadata().getName().equals(cluster)).get(0);
            List<Map<String, Object>> plugins = pg.get("spec", "plugins");
            assertThat(plugins).singleElement().satisfies(p -> {
                assertThat(p).containsEntry("name", "barman-cloud.cloudnative-pg.io").containsEntry("isWALArchiver", true);
            });
            assertThat(PRODUCTION.custom("ScheduledBackup", b -> cluster.equals(b.get("spec", "cluster", "name"))))
                    .singleElement().satisfies(b -> assertThat((String) b.get("spec", "method")).isEqualTo("plugin"));
        }
        assertThat(DEFAULTS.custom("ScheduledBackup")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ observability

    private static final List<String> WATCHED_METRICS = List.of("hrm_outbox_backlog", "hrm_outbox_oldest_age_seconds",
            "kafka_consumer_fetch_manager_records_lag_max", "hrm_deadletter_published_total", "resilience4j_circuitbreaker_state",
            "http_server_requests_seconds_bucket", "spring_cloud_gateway_requests_seconds_bucket");

    @Test
    @DisplayName("the Grafana dashboard shows outbox backlog and age, events published, consumer lag, dead letters, breakers and p99 per route")
    void dashboard() {
        var configMap = DEFAULTS.get(io.fabric8.kubernetes.api.model.ConfigMap.class, fullName("dashboard"));
        JsonNode dashboard = JsonMapper.builder().build().readTree(configMap.getData().get("hrm-suite.json"));
        List<String> expressions = dashboard.get("panels").valueStream()
                .filter(p -> p.has("targets")).flatMap(p -> p.get("targets").valueStream()).map(t -> t.get("expr").asString()).toList();
        for (String metric : Stream.concat(WATCHED_METRICS.stream(), Stream.of("hrm_outbox_published_total")).toList()) {
            assertThat(expressions).as(metric).anyMatch(e -> e.contains(metric));
        }
    }

    @Test
    @DisplayName("the production example scrapes every workload's management port and alerts on outbox, lag, dead letters, breakers and p99")
    void monitoring() {
        GenericKubernetesResource monitor = PRODUCTION.custom("ServiceMonitor").get(0);
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> assertThat(e).containsEntry("port", "management")
                .containsEntry("path", "/actuator/prometheus"));
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertThat(Repository.WORKLOADS).allSatisfy(w -> assertThat(
                PRODUCTION.get(Service.class, fullName(w)).getMetadata().getLabels()).containsAllEntriesOf(selector));
        List<Map<String, Object>> groups = PRODUCTION.custom("PrometheusRule").get(0).get("spec", "groups");
        List<String> expressions = groups.stream().flatMap(g -> ((List<?>) g.get("rules")).stream())
                .map(r -> String.valueOf(((Map<?, ?>) r).get("expr"))).toList();
        for (String metric : WATCHED_METRICS) {
            assertThat(expressions).as(metric).anyMatch(e -> e.contains(metric));
        }
        assertThat(DEFAULTS.custom("ServiceMonitor")).as("optional: needs the Prometheus operator").isEmpty();
        assertThat(env(container(PRODUCTION, "mobility"))).containsEntry("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "true")
                .containsKeys("MANAGEMENT_OTLP_METRICS_EXPORT_URL", "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Container container(RenderedChart chart, String workload) {
        return chart.get(Deployment.class, fullName(workload)).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Plain values, and the names of the Secrets of those that come from one ("secret:<name>/<key>"). */
    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() != null ? e.getValue()
                : e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                ? "secret:" + e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()
                : "", (a, b) -> {
                    throw new AssertionError("environment variable set twice in " + container.getName());
                }));
    }

    private static Set<Integer> ports(List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports) {
        return ports == null ? Set.of() : ports.stream().map(p -> p.getPort().getIntVal()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static List<String> roles(GenericKubernetesResource pool) {
        return pool.get("spec", "roles");
    }

    private static Set<String> allowed(List<Map<String, Object>> acls, String type, String name) {
        return acls.stream().filter(acl -> {
                    Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
                    return type.equals(resource.get("type")) && name.equals(resource.get("name"));
                }).flatMap(acl -> ((List<?>) acl.get("operations")).stream()).map(String::valueOf)
                .collect(Collectors.toSet());
    }
}
