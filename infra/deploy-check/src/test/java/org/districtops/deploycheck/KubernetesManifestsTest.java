package org.districtops.deploycheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/k8s cannot be applied here (no cluster), so every document is read into fabric8's Kubernetes model (the
 * API's own types: a wrong kind, apiVersion or field type fails) strictly: a field the API does not know (a typo
 * such as "readinesProbe") lands in the model's additional properties, and that fails the test too. Then the
 * manifests are held against the services: images, probe paths and ports, variables, and the objects each
 * Deployment needs.
 */
class KubernetesManifestsTest {

    private static final Path K8S = BuildFacts.ROOT.resolve("infra/k8s");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<HasMetadata> RESOURCES = load();

    /** YAML by SnakeYAML, then fabric8's own deserializer picks the model class from apiVersion and kind. */
    private static HasMetadata unmarshal(String yaml) {
        Object tree = new Yaml().load(yaml);
        KubernetesResource resource = MAPPER.convertValue(tree, KubernetesResource.class);
        assertThat(resource).as("a Kubernetes object").isInstanceOf(HasMetadata.class);
        return (HasMetadata) resource;
    }

    private static List<HasMetadata> load() {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (String doc : BuildFacts.read(file).split("(?m)^---\\s*$")) {
                    if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
                        resources.add(unmarshal(doc));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return resources;
    }

    private static <T> List<T> all(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyDocumentIsAKnownKubernetesTypeWithOnlyFieldsTheApiDefines() {
        assertThat(RESOURCES).extracting(HasMetadata::getKind).contains("Deployment", "Service",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "ConfigMap", "Secret");
        for (HasMetadata resource : RESOURCES) {
            assertThat(resource.getClass().getPackageName()).as(resource.getKind() + " is a typed model, not a generic one")
                    .startsWith("io.fabric8.kubernetes.api.model");
            List<String> unknown = new ArrayList<>();
            unknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown,
                    new IdentityHashMap<>());
            assertThat(unknown).as("fields the Kubernetes API does not define").isEmpty();
        }
    }

    @Test
    void theStrictReadingCatchesAMisspelledField() {
        HasMetadata typo = unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: x, image: "postgres:17.7", readinesProbe: {}}]
                """);
        List<String> unknown = new ArrayList<>();
        unknownFields(typo, "x", unknown, new IdentityHashMap<>());
        assertThat(unknown).singleElement().asString().contains("readinesProbe");
    }

    @Test
    void eachServiceRunsItsImageWithProbesOnItsRealActuatorPathsAndPortAndMeasuredMemory() {
        Map<String, BuildFacts.ImageModule> modules = BuildFacts.imageModules();
        Set<String> deployed = new TreeSet<>();
        for (Deployment deployment : all(Deployment.class)) {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            BuildFacts.ImageModule module = modules.values().stream().filter(m -> m.image().equals(c.getImage()))
                    .findFirst().orElseThrow(() -> new AssertionError(c.getImage() + " is not an image the build produces"));
            deployed.add(module.artifactId());
            String base = BuildFacts.contextPath(module);
            int port = BuildFacts.defaultPort(module);
            assertThat(c.getPorts()).as(module.artifactId() + " port").anySatisfy(p -> {
                assertThat(p.getContainerPort()).isEqualTo(port);
                assertThat(p.getName()).isEqualTo("http");
            });
            assertProbe(c.getReadinessProbe(), base + "/actuator/health/readiness", module);
            assertProbe(c.getLivenessProbe(), base + "/actuator/health/liveness", module);
            assertProbe(c.getStartupProbe(), base + "/actuator/health/liveness", module);
            Quantity request = c.getResources().getRequests().get("memory");
            Quantity limit = c.getResources().getLimits().get("memory");
            // measured: ~290 MB resident per service JVM on the embedded default (docs/operations.md)
            assertThat(Quantity.getAmountInBytes(request).longValue()).as("memory request").isGreaterThanOrEqualTo(300L << 20);
            assertThat(Quantity.getAmountInBytes(limit)).as("memory limit above request")
                    .isGreaterThan(Quantity.getAmountInBytes(request));
            assertThat(deployment.getSpec().getReplicas()).as("two replicas at least").isGreaterThanOrEqualTo(2);
        }
        assertThat(deployed).containsExactlyInAnyOrderElementsOf(modules.keySet());
    }

    private static void assertProbe(Probe probe, String path, BuildFacts.ImageModule module) {
        assertThat(probe).as(module.artifactId() + " probe for " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void everyVariableAServiceNeedsIsSetFromItsEnvOrItsConfigMapAndSecret() {
        Map<String, BuildFacts.ImageModule> modules = BuildFacts.imageModules();
        Map<String, Set<String>> configMaps = all(ConfigMap.class).stream().collect(Collectors.toMap(
                m -> m.getMetadata().getName(), m -> m.getData().keySet()));
        Map<String, Set<String>> secrets = all(Secret.class).stream().collect(Collectors.toMap(
                s -> s.getMetadata().getName(), s -> s.getStringData().keySet()));
        Set<String> readAnywhere = modules.values().stream().flatMap(m -> m.variables().keySet().stream())
                .collect(Collectors.toSet());
        for (Deployment deployment : all(Deployment.class)) {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            BuildFacts.ImageModule module = modules.values().stream().filter(m -> m.image().equals(c.getImage()))
                    .findFirst().orElseThrow();
            Set<String> set = new TreeSet<>();
            c.getEnv().stream().map(EnvVar::getName).forEach(set::add);
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    assertThat(configMaps).as("ConfigMap " + from.getConfigMapRef().getName()).containsKey(from.getConfigMapRef().getName());
                    set.addAll(configMaps.get(from.getConfigMapRef().getName()));
                }
                if (from.getSecretRef() != null) {
                    assertThat(secrets).as("Secret " + from.getSecretRef().getName()).containsKey(from.getSecretRef().getName());
                    set.addAll(secrets.get(from.getSecretRef().getName()));
                }
            }
            assertThat(set).as(deployment.getMetadata().getName() + " sets what it needs").containsAll(module.mustBeSet());
            set.stream().filter(k -> k.startsWith("DOP_")).forEach(k ->
                    assertThat(readAnywhere).as(k + " is read by a service").contains(k));
        }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetAnAutoscalerAndAServiceThatSelectIt() {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(all(PodDisruptionBudget.class)).as(name + " PDB").anySatisfy(pdb -> {
                assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
                assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1);
            });
            assertThat(all(HorizontalPodAutoscaler.class)).as(name + " HPA").anySatisfy(hpa -> {
                assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
                assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            });
            assertThat(all(io.fabric8.kubernetes.api.model.Service.class)).as(name + " Service").anySatisfy(svc ->
                    assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector()));
        }
    }

    /** Walks the model's getters; any non-empty getAdditionalProperties() is a field the API does not define. */
    private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
